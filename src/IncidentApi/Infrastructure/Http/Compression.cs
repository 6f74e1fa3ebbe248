using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

/// <summary>Brotli or gzip, at the fastest level, for the text types the API serves; see <see cref="SmallResponseCompression"/>.</summary>
public static class Compression
{
    public static WebApplicationBuilder AddCompression(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;   // public data, no secrets in responses: BREACH does not apply
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/json", "application/problem+json", "text/csv", "application/geo+json", "text/html", "text/css", "text/javascript"];
        });
        services.AddSingleton<IResponseCompressionProvider, SmallResponseCompression>();
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static IApplicationBuilder UseCompression(this IApplicationBuilder app) => app.UseResponseCompression();
}

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
