using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Compresses only what is worth it: not errors and health answers (a few hundred bytes, where gzip adds bytes and
/// time), and not a body whose length is known to be under <see cref="MinimumBytes"/>.
/// </summary>
public sealed class SmallResponseCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public const int MinimumBytes = 1024;

    public override bool ShouldCompressResponse(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status200OK
        && context.Response.ContentLength is null or >= MinimumBytes
        && !context.Request.Path.StartsWithSegments("/health")
        && base.ShouldCompressResponse(context);
}
