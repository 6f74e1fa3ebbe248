using System.Text.Json;

namespace IncidentApi.Features.Incidents;

/// <summary>A FeatureCollection of Points (geometry null where no place is known), the incident as properties.</summary>
internal sealed class GeoJsonDownload(IEnumerable<IncidentDto> incidents, string[]? fields, string fileName)
    : IncidentDownload(incidents, fields, fileName, "application/geo+json")
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
