using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Strong ETags without hashing bodies: the data only changes with the dataset version, so a response is fully
/// determined by (version, path, normalised query, negotiated format, content coding). Every replica serving the
/// same data therefore gives the same tag for the same request, and caches and CDNs stay correct.
/// </summary>
public static class HttpCaching
{
    public const string CacheControl = "public, max-age=300";

    public const string Policy = "api";

    /// <summary>
    /// Encoded responses are kept in memory by (dataset version, path, query, Accept, Accept-Encoding), so a repeated
    /// request is answered without running the endpoint: only validated 200s are stored, so a hit is always valid.
    /// A response is kept from the second time its request is seen (<see cref="Doorkeeper"/>), so one-off queries
    /// pass by without evicting the ones people repeat. Downloads are not kept: they stream, and holding 100k-row
    /// bodies would defeat that.
    /// </summary>
    public static WebApplicationBuilder AddHttpCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(o =>
        {
            // A bound on memory: long-tail queries (a new q each time) would otherwise grow the cache without end.
            o.SizeLimit = 32L * 1024 * 1024;
            o.UseCaseSensitivePaths = true;   // ids and slugs are case-sensitive: /operations/SKY-NET is a 404, not sky-net
            o.MaximumBodySize = 4L * 1024 * 1024;
            o.AddPolicy(Policy, b => b.Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery("*")
                .SetVaryByHeader("Accept", "Accept-Encoding")
                .VaryByValue(http => new("version", http.RequestServices.GetRequiredService<ReferenceData>().Version))
                .VaryByValue(http => new("linkBase", Proxies.LinkBase(http) ?? ""))   // links name the host: one host's never reach another
                .With(ctx => OutputFormat.Of(ctx.HttpContext.Request, ctx.HttpContext.Request.Query["format"], OutputFormat.All) == OutputFormat.Json)
                .AddPolicy<StoreOnSecondSight>());
        });
        return builder;
    }

    // Every request is looked up; only storing waits for the second sight. So a kept response is still served after
    // one-off requests have reused its doorkeeper slot.
    // One instance serves every request (the output cache creates a typed policy once).
    private sealed class StoreOnSecondSight : IOutputCachePolicy
    {
        private readonly Doorkeeper _doorkeeper = new();

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            // What the policy varies by: the same request under the same link base is the same entry.
            var key = $"{request.Path}{request.QueryString}|{request.Headers.Accept}|{request.Headers.AcceptEncoding}|{Proxies.LinkBase(context.HttpContext)}";
            if (!_doorkeeper.SeenBefore(key)) context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// The response cache, outside compression: a cache hit sends the already-compressed bytes. HttpCaching:ResponseCache
    /// false turns it off (the benchmark measures every query uncached too); ETags and 304s stay.
    /// </summary>
    public static IApplicationBuilder UseHttpCaching(this WebApplication app) =>
        app.Configuration.GetValue("HttpCaching:ResponseCache", true) ? app.UseOutputCache() : app;

    public static RouteGroupBuilder WithHttpCaching(this RouteGroupBuilder group) =>
        group.CacheOutput(Policy).AddEndpointFilter(async (ctx, next) =>
        {
            var result = await next(ctx);
            if (StatusOf(result) != StatusCodes.Status200OK) return result;   // errors are not cached or tagged

            var http = ctx.HttpContext;
            var reference = http.RequestServices.GetRequiredService<ReferenceData>();
            var tag = ETagFor(http, reference.Version);
            // The data changes only with a release, so the release date is when every representation last changed.
            var modified = new DateTimeOffset(reference.ReleaseDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var headers = http.Response.Headers;
            headers.ETag = tag;
            headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            headers.CacheControl = CacheControl;
            headers.Vary = "Accept, Accept-Encoding";
            return IsNotModified(http.Request, tag, modified) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : result;
        });

    /// <summary>OpenAPI: every 200 under /api/v1 is tagged and cacheable, and a current If-None-Match gets a 304.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!OperationDocs.IsApi(context)) return;
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers["ETag"] = ETagHeader;
                ok.Headers["Last-Modified"] = LastModifiedHeader;
                ok.Headers["Cache-Control"] = CacheControlHeader;
            }
            OperationDocs.Respond(operation, "304", "Not modified: the If-None-Match tag is current (or, without If-None-Match, nothing changed since If-Modified-Since).", context,
                headers: OperationDocs.Headers(("ETag", ETagHeader), ("Last-Modified", LastModifiedHeader), ("Cache-Control", CacheControlHeader)));
        }

        private static readonly OpenApiHeader ETagHeader = new()
        {
            Description = "Strong tag of this representation, derived from the dataset version and the request; send it back in If-None-Match for a 304.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100, Pattern = "^\"[^\"]+\"$" },
        };

        private static readonly OpenApiHeader LastModifiedHeader = new()
        {
            Description = "The date of the data release being served (HTTP-date); send it back in If-Modified-Since for a 304.",
            Schema = OperationDocs.Text(40),
        };

        private static readonly OpenApiHeader CacheControlHeader = new()
        {
            Description = "Any cache may keep the response for five minutes.", Schema = OperationDocs.Const(CacheControl),
        };
    }

    private static string ETagFor(HttpContext http, string version)
    {
        var request = http.Request;
        var key = new StringBuilder(version).Append('|').Append(request.Path.Value?.TrimEnd('/'));
        foreach (var (name, values) in request.Query.OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase))
            key.Append('|').Append(name.ToLowerInvariant()).Append('=').Append(values.ToString());
        key.Append('|').Append(OutputFormat.Of(request, null, OutputFormat.All)).Append('|').Append(Coding(http))
            .Append('|').Append(Proxies.LinkBase(http));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        return $"\"{version}-{Convert.ToHexStringLower(hash, 0, 8)}\"";
    }

    // A strong tag names one representation, so the coding is part of it: asked of the compression provider, which
    // weighs Accept-Encoding's q-values exactly as it will when it compresses ("br;q=0" is identity, not br).
    private static string Coding(HttpContext http)
    {
        var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return compression.CheckRequestAcceptsCompression(http) ? compression.GetCompressionProvider(http)?.EncodingName ?? "identity" : "identity";
    }

    // RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since only without it.
    private static bool IsNotModified(HttpRequest request, string tag, DateTimeOffset modified) =>
        request.Headers.IfNoneMatch.Count > 0
            ? EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
              && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(tag, StringComparison.Ordinal))
            : request.GetTypedHeaders().IfModifiedSince is { } since && since >= modified;

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult status => status.StatusCode ?? StatusCodes.Status200OK,
        _ => null,
    };
}
