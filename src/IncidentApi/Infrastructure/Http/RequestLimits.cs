using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Microsoft.AspNetCore.Http.Features;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Bounded input and time. Before any endpoint runs, answered as problems: a request line over 8 KiB is 414, headers
/// over 16 KiB are 431, and any request body is 413 (the API is GET and HEAD only and never reads one); Kestrel's own
/// limits sit four times higher as a backstop, past which Kestrel answers by itself with an empty body. A request may
/// run <c>Limits:RequestTimeoutSeconds</c> (30; downloads have their own bound, see Download), and on SIGTERM requests
/// in flight, a slow client's download too, get <c>Limits:ShutdownSeconds</c> (10) before their connections close.
/// </summary>
public static class RequestLimits
{
    public const int RequestLine = 8 * 1024, Headers = 16 * 1024, KestrelFactor = 4;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestLineSize = RequestLine * KestrelFactor;
            k.Limits.MaxRequestHeadersTotalSize = Headers * KestrelFactor;
            k.Limits.MaxRequestBodySize = 0;   // GET and HEAD only: no body is ever read
        });
        var limits = builder.Configuration.GetSection("Limits");
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new()
        {
            Timeout = TimeSpan.FromSeconds(limits.GetValue("RequestTimeoutSeconds", 30)),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(limits.GetValue("ShutdownSeconds", 10)));
        return builder;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(RejectOversized).UseRequestTimeouts();

    private static async Task RejectOversized(HttpContext http, RequestDelegate next)
    {
        var (status, detail) = Check(http);
        if (status == 0) { await next(http); return; }
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status413PayloadTooLarge) http.Response.Headers.Connection = "close";   // the unread body cannot be skipped
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    /// <summary>OpenAPI: the bounds apply to every operation.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var problem = typeof(Microsoft.AspNetCore.Mvc.ProblemDetails);
            OperationDocs.Respond(operation, "413", "The request has a body; the API answers GET and HEAD only and takes none.", context, problem, []);
            OperationDocs.Respond(operation, "414", $"The request line is longer than {RequestLine / 1024} KiB.", context, problem, []);
            OperationDocs.Respond(operation, "431", $"The request headers total more than {Headers / 1024} KiB.", context, problem, []);
        }
    }

    private static (int Status, string? Detail) Check(HttpContext http)
    {
        var request = http.Request;
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.Path}{request.QueryString}";
        if (request.Method.Length + target.Length + request.Protocol.Length + 4 > RequestLine)
            return (StatusCodes.Status414UriTooLong, $"The request line is longer than {RequestLine / 1024} KiB; shorten the query.");
        var headers = 0L;
        foreach (var (name, values) in request.Headers)
            foreach (var value in values) headers += name.Length + (value?.Length ?? 0) + 4;
        if (headers > Headers)
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, $"The request headers total more than {Headers / 1024} KiB.");
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            return (StatusCodes.Status413PayloadTooLarge, "This API takes no request body: it answers GET and HEAD only.");
        return (0, null);
    }
}
