using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentApi.DataBuild;

/// <summary>
/// How an incident is written as JSON, once, by the builder (the incident_json table), and read back by the API for
/// the formats that need objects (CSV, GeoJSON, Atom). The settings are the API's own: camelCase, nulls written,
/// Chinese as text rather than \u escapes; a test holds the two to the same bytes.
/// </summary>
public static class IncidentJson
{
    public static readonly JsonSerializerOptions Options = new(IncidentJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(IncidentDto incident) => JsonSerializer.SerializeToUtf8Bytes(incident, Options);

    public static IncidentDto Deserialize(byte[] json) => JsonSerializer.Deserialize<IncidentDto>(json, Options)!;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IncidentDto))]
internal sealed partial class IncidentJsonContext : JsonSerializerContext;
