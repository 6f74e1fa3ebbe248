using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Features.Incidents;

/// <summary>
/// A download (CSV, GeoJSON, NDJSON of incidents; CSV of stats): streamed with async writes (Kestrel forbids
/// synchronous body writes), named for what it holds. The status is 200, so the caching filter tags it like any other response.
/// A download may stream for <c>Limits:DownloadSeconds</c> (default 120 s; the whole real dataset takes well under
/// one), instead of the 30 s request timeout; past it the connection is closed mid-body, so a slow client can never
/// hold the server indefinitely and never mistakes a cut-off file for a whole one (the chunked body has no end).
/// </summary>
public abstract class Download(string fileName, string contentType) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;
    public string ContentType => contentType;

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

    /// <summary>
    /// A file name that says what the download holds: what, the filter's values, and the dataset version
    /// (incidents-CA-sky-net-2016-0123456789abcdef.csv), in characters every file system and browser keeps.
    /// </summary>
    public static string FileName(string what, IEnumerable<string?> parts, string version, string extension)
    {
        var words = parts.OfType<string>().Select(p => new string(p.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray()).Trim('-'))
            .Where(p => p.Length > 0);
        var name = string.Join('-', words.Prepend(what));
        return $"{(name.Length > 120 ? name[..120].TrimEnd('-') : name)}-{version}.{extension}";
    }

    /// <summary>OpenAPI: an endpoint with a format parameter also answers downloads (and, for incidents, an Atom feed) from the same 200.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Parameters?.Any(p => p.Name == "format") != true || operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse { Content: { } content } ok
                || !content.ContainsKey("application/json")) return;   // the Atom route answers Atom only
            var formats = context.MethodInfo.GetParameters().Select(p => p.ParameterType).FirstOrDefault(typeof(IFormatQuery).IsAssignableFrom)
                ?.GetProperty(nameof(IFormatQuery.Formats))?.GetValue(null) as string[] ?? [];
            foreach (var (format, type, description) in Representations.Where(r => formats.Contains(r.Format)))
                content[OutputFormat.MediaType(format)] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = type, Description = description } };
            (ok.Headers ??= new Dictionary<string, IOpenApiHeader>())["Content-Disposition"] = new OpenApiHeader
            {
                Description = "Downloads only: attachment; filename=\"incidents-CA-sky-net-<dataset version>.csv\" (what, the filter's values, the version).",
                Schema = OperationDocs.Text(200),
            };
        }

        private static readonly (string Format, JsonSchemaType Type, string Description)[] Representations =
        [
            (OutputFormat.Csv, JsonSchemaType.String, "RFC 4180 CSV with a header row and UTF-8 BOM; all matches."),
            (OutputFormat.GeoJson, JsonSchemaType.Object, "A GeoJSON FeatureCollection of Points; all matches."),
            (OutputFormat.Ndjson, JsonSchemaType.String, "Newline-delimited JSON: one incident per line, all matches, streamed."),
            (OutputFormat.Atom, JsonSchemaType.String, "An Atom 1.0 feed (RFC 4287) of the matches, most recently updated first, paged like JSON."),
        ];
    }
}
