namespace IncidentApi.Infrastructure;

/// <summary>A read-only API: every route answers GET and HEAD (HEAD as GET without a body), and no response is sniffed.</summary>
public static class ReadOnlyHttp
{
    public static IApplicationBuilder UseReadOnlyHttp(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (HttpMethods.IsHead(http.Request.Method)) http.Response.Body = Stream.Null;   // HEAD: headers as for GET, no body
        return next(http);
    });

    /// <summary>GET and HEAD on one route: the contract promises HEAD everywhere, and MapGet answers HEAD with 405.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, ["GET", "HEAD"], handler);
}
