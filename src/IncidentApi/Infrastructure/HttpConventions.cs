using System.Globalization;
using System.IO.Compression;
using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.WebUtilities;
using Serilog;

namespace IncidentApi.Infrastructure;

/// <summary>What every response shares: problem details, CORS, compression, rate limiting, headers, JSON options.</summary>
public static class HttpConventions
{
    public static WebApplicationBuilder AddHttpConventions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
            problem.Type ??= $"https://httpstatuses.io/{status}";
            problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
            problem.Detail ??= DefaultDetail(status);
            problem.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("exception");   // never a stack trace, whatever the environment
        });
        services.AddExceptionHandler<DatabaseHealth.UnavailableHandler>();
        services.AddRequestTimeouts(o => o.DefaultPolicy = new()
        {
            Timeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Limits:RequestTimeoutSeconds", 30)),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        // Bounded input before any of our code runs: Kestrel answers 414 and 431 itself.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.Limits.MaxRequestBodySize = 0;   // GET and HEAD only: no body is ever read
        });
        services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .WithExposedHeaders("ETag", "Link", "Retry-After", "Content-Disposition")));
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
        services.AddRateLimiter(o =>
        {
            var perSecond = builder.Configuration.GetValue("RateLimit:PermitsPerSecond", 50);
            var burst = builder.Configuration.GetValue("RateLimit:Burst", 200);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new()
                {
                    TokenLimit = burst, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0, AutoReplenishment = true,
                }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;   // the default would be 503
            o.OnRejected = async (ctx, token) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                ctx.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Detail = $"Too many requests from this address; retry after {retry} s." },
                });
            };
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;   // Chinese names as text, not \u escapes
        });
        services.AddResponseCache();
        services.AddValidatorsFromAssemblyContaining<Catalog>(ServiceLifetime.Singleton, includeInternalTypes: true);
        IncidentApi.DataBuild.ValidationNames.UseCamelCase();
        return builder;
    }

    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (HttpMethods.IsHead(http.Request.Method)) http.Response.Body = Stream.Null;   // HEAD: headers as for GET, no body
            return next(http);
        });
        app.UseCors();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseOutputCache();            // outside compression: a cache hit sends the already-compressed bytes
        app.UseResponseCompression();
        return app;
    }

    private static string DefaultDetail(int status) => status switch
    {
        404 => "Nothing is found at this address. The API lives under /api/v1; its documentation is at /swagger.",
        405 => "This method is not allowed here; the API answers GET and HEAD only.",
        500 => "An unexpected error occurred. It has been logged with the traceId below.",
        503 => "The service is not ready.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    /// <summary>GET and HEAD on one route: the contract promises HEAD everywhere, and MapGet answers HEAD with 405.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, ["GET", "HEAD"], handler);
}
