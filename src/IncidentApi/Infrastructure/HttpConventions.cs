using System.IO.Compression;
using FluentValidation;
using Microsoft.AspNetCore.ResponseCompression;
using Serilog;

namespace IncidentApi.Infrastructure;

/// <summary>What every response shares: problem details, CORS, compression, rate limiting, headers, JSON options.</summary>
public static class HttpConventions
{
    /// <summary>Request headers a page on another origin may send (If-None-Match and If-Modified-Since for revalidation).</summary>
    public static readonly string[] CorsRequestHeaders = ["Accept", "If-None-Match", "If-Modified-Since", "Cache-Control"];

    /// <summary>Response headers such a page may read.</summary>
    public static readonly string[] CorsExposedHeaders =
        ["ETag", "Last-Modified", "Link", "Retry-After", "Content-Disposition", RateLimiting.Policy, RateLimiting.Remaining];

    public static WebApplicationBuilder AddHttpConventions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemResponses();
        services.AddExceptionHandler<DatabaseHealth.UnavailableHandler>();
        services.AddRequestTimeouts(o => o.DefaultPolicy = new()
        {
            Timeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Limits:RequestTimeoutSeconds", 30)),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        // SIGTERM: requests in flight (a slow client's download too) get this long, then their connections close.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Limits:ShutdownSeconds", 10)));
        builder.AddRequestLimits();
        builder.AddProxies();
        builder.AddRateLimiting();
        services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .WithHeaders(CorsRequestHeaders).WithExposedHeaders(CorsExposedHeaders).SetPreflightMaxAge(TimeSpan.FromHours(2))));
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
        app.UseProxies();                // first: the client address and public host everything after sees
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
        app.UseRateLimiting();
        app.UseRequestLimits();
        app.UseRequestTimeouts();
        app.UseOutputCache();            // outside compression: a cache hit sends the already-compressed bytes
        app.UseResponseCompression();
        return app;
    }

    /// <summary>GET and HEAD on one route: the contract promises HEAD everywhere, and MapGet answers HEAD with 405.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, ["GET", "HEAD"], handler);
}
