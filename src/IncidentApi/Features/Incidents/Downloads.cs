using System.Globalization;
using System.Text.Json;
using CsvHelper;
using IncidentApi.Infrastructure;

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
}

/// <summary>RFC 4180 with a header row and a UTF-8 BOM (so spreadsheets read Chinese names); lists joined with ';'.</summary>
internal sealed class CsvDownload(IEnumerable<IncidentDto> incidents, string[]? fields)
    : Download(incidents, fields, "incidents.csv", "text/csv; charset=utf-8")
{
    // Column, the top-level field it belongs to (for fields=), its value, and whether it is free text.
    private static readonly (string Name, string Field, Func<IncidentDto, string?> Value, bool Text)[] Columns =
    [
        ("id", "id", i => i.Id, true), ("title", "title", i => i.Title, true),
        ("date", "date", i => i.Date, false), ("datePrecision", "datePrecision", i => i.DatePrecision, false),
        ("dateMeaning", "dateMeaning", i => i.DateMeaning, true),
        ("operation", "operation", i => i.Operation?.Slug, false), ("operationName", "operation", i => i.Operation?.Name, true),
        ("originCountry", "originCountry", i => i.OriginCountry.Code, false), ("originCountryName", "originCountry", i => i.OriginCountry.Name, true),
        ("hostCountry", "hostCountry", i => i.HostCountry?.Code, false), ("hostCountryName", "hostCountry", i => i.HostCountry?.Name, true),
        ("city", "city", i => i.City, true),
        ("lat", "location", i => i.Location?.Lat.ToString(CultureInfo.InvariantCulture), false),
        ("lon", "location", i => i.Location?.Lon.ToString(CultureInfo.InvariantCulture), false),
        ("locationPrecision", "location", i => i.Location?.Precision, false),
        ("targetName", "target", i => i.Target.Name, true), ("targetNameZh", "target", i => i.Target.NameZh, true),
        ("targetType", "target", i => i.Target.Type, false),
        ("methods", "methods", i => string.Join(';', i.Methods), false), ("outcome", "outcome", i => i.Outcome, false),
        ("summary", "summary", i => i.Summary, true), ("confidence", "confidence", i => i.Confidence, false),
        ("notes", "notes", i => i.Notes, true),
        ("sourceUrls", "sources", i => string.Join(';', i.Sources.Select(s => s.Url)), true),
        ("sourcePublishers", "sources", i => string.Join(';', i.Sources.Select(s => s.Publisher)), true),
        ("sourceCount", "sources", i => i.Sources.Count.ToString(CultureInfo.InvariantCulture), false),
        ("addedOn", "addedOn", i => i.AddedOn, false), ("updatedOn", "updatedOn", i => i.UpdatedOn, false),
    ];

    protected override async Task WriteAsync(Stream body, CancellationToken cancel)
    {
        var columns = Columns.Where(c => Keep(c.Field)).ToArray();
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true);
        foreach (var c in columns) csv.WriteField(c.Name);
        await csv.EndRecordAsync(cancel);
        var rows = 0;
        foreach (var incident in Incidents)
        {
            foreach (var c in columns) csv.WriteField(c.Text ? Neutralise(c.Value(incident)) : c.Value(incident));
            await csv.EndRecordAsync(cancel);   // writes out only when its buffer is mostly full: memory stays flat
            if (++rows == 100) await csv.FlushAsync(cancel);   // first bytes early
        }
        await csv.FlushAsync(cancel);
    }

    // A spreadsheet would run a cell starting with = + - @ (or tab/CR) as a formula: prefix it with a quote (OWASP).
    internal static string? Neutralise(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
}

/// <summary>A FeatureCollection of Points (geometry null where no place is known), the incident as properties.</summary>
internal sealed class GeoJsonDownload(IEnumerable<IncidentDto> incidents, string[]? fields)
    : Download(incidents, fields, "incidents.geojson", "application/geo+json")
{
    protected override async Task WriteAsync(Stream body, CancellationToken cancel)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var rows = 0;
        foreach (var incident in Incidents)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", incident.Id);
            if (incident.Location is { } at)
            {
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(at.Lon);   // GeoJSON order: longitude, latitude
                json.WriteNumberValue(at.Lat);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else json.WriteNull("geometry");
            json.WritePropertyName("properties");
            var properties = JsonSerializer.SerializeToNode(incident, ApiJsonContext.Default.IncidentDto)!.AsObject();
            properties["pointPrecision"] = incident.Location?.Precision;   // "city" or "country": how exact the point is
            foreach (var name in properties.Select(p => p.Key).Where(k => k != "pointPrecision" && !Keep(k)).ToList()) properties.Remove(name);
            properties.WriteTo(json);
            json.WriteEndObject();
            if (++rows % 200 == 0) await json.FlushAsync(cancel);
            cancel.ThrowIfCancellationRequested();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancel);
    }
}
