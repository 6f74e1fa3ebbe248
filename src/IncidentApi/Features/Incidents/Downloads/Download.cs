using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
namespace IncidentApi.Features.Incidents;

/// <summary>
/// CSV and GeoJSON exports: every match, streamed row by row with async writes (Kestrel forbids synchronous body
/// writes), as a download. The status is 200, so the caching filter tags them like any other response.
/// A download may stream for <c>Limits:DownloadSeconds</c> (default 120 s; the whole real dataset takes well under
/// one), instead of the 30 s request timeout; past it the connection is closed mid-body, so a slow client can never
/// hold the server indefinitely and never mistakes a cut-off file for a whole one (the chunked body has no end).
/// </summary>
internal abstract class Download(IEnumerable<IncidentDto> incidents, string[]? fields, string fileName, string contentType)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;
    public string ContentType => contentType;
    protected IEnumerable<IncidentDto> Incidents => incidents;
    protected bool Keep(string field) => fields is null || fields.Contains(field);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        http.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.DisableTimeout();   // bounded below instead
        var limit = TimeSpan.FromSeconds(http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Limits:DownloadSeconds", 120));
        using var deadline = new CancellationTokenSource(limit);
        // Abort rather than cancel: a write blocked on a client that stopped reading only ends when the connection does.
        await using var abort = deadline.Token.Register(http.Abort);
        try
        {
            await WriteAsync(http.Response.Body, http.RequestAborted);
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException
            or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            if (deadline.IsCancellationRequested)
                http.RequestServices.GetRequiredService<ILogger<Download>>().LogWarning("Download stopped after {Seconds} s: the client read too slowly", limit.TotalSeconds);
        }
    }

    protected abstract Task WriteAsync(Stream body, CancellationToken cancel);

    /// <summary>OpenAPI: an endpoint with a format parameter also answers CSV and GeoJSON downloads from the same 200.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Parameters?.Any(p => p.Name == "format") != true || operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse { Content: { } content } ok) return;
            content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row and UTF-8 BOM; all matches." } };
            content["application/geo+json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A GeoJSON FeatureCollection of Points; all matches." } };
            (ok.Headers ??= new Dictionary<string, IOpenApiHeader>())["Content-Disposition"] = new OpenApiHeader
            {
                Description = "CSV and GeoJSON only: attachment; filename=\"incidents.csv\" (or .geojson).", Schema = OperationDocs.Text(200),
            };
        }
    }
}
