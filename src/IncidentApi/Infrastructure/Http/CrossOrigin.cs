using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
namespace IncidentApi.Infrastructure;

/// <summary>
/// CORS for dashboards on any origin: GET and HEAD, the request headers a reader needs to revalidate, the response
/// headers it needs to page and pace itself, and preflights cached for two hours.
/// </summary>
public static class CrossOrigin
{
    /// <summary>Request headers a page on another origin may send (If-None-Match and If-Modified-Since for revalidation).</summary>
    public static readonly string[] RequestHeaders = ["Accept", "If-None-Match", "If-Modified-Since", "Cache-Control"];

    /// <summary>Response headers such a page may read.</summary>
    public static readonly string[] ExposedHeaders =
        ["ETag", "Last-Modified", "Link", "Retry-After", "Content-Disposition", RateLimiting.Policy, RateLimiting.Remaining];

    public static WebApplicationBuilder AddCrossOrigin(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .WithHeaders(RequestHeaders).WithExposedHeaders(ExposedHeaders).SetPreflightMaxAge(TimeSpan.FromHours(2))));
        return builder;
    }

    public static IApplicationBuilder UseCrossOrigin(this IApplicationBuilder app) => app.UseCors();

    /// <summary>OpenAPI: any origin may read every answer but a server error.</summary>
    public sealed class Docs : IOperationFilter
    {
        private static readonly OpenApiHeader AllowOrigin = new()
        {
            Description = "* (any origin) when the request carries an Origin header.", Schema = OperationDocs.Const("*"),
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var (_, response) in operation.Responses!.Where(r => r.Key[0] != '5'))
                if (response is OpenApiResponse readable)
                    (readable.Headers ??= new Dictionary<string, IOpenApiHeader>()).TryAdd("Access-Control-Allow-Origin", AllowOrigin);
        }
    }
}
