using Microsoft.AspNetCore.Http.Features;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Bounded input before any endpoint runs, answered as problems: a request line over 8 KiB is 414, headers over
/// 16 KiB are 431, and any request body is 413 (the API is GET and HEAD only and never reads one). Kestrel's own
/// limits sit four times higher as a backstop: past them Kestrel answers by itself, with an empty body.
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
        return builder;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
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
    });

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
