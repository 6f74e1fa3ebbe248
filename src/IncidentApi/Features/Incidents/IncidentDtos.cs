using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentApi.Features.Incidents;

public sealed record OperationRef(string Slug, string Name);
public sealed record CountryRef(string Code, string Name);
/// <summary>The point for maps: the city where sourced (precision "city"), else the host country (precision "country").</summary>
public sealed record Location(double Lat, double Lon, string Precision);
public sealed record TargetDto(string? Name, string? NameZh, string? Type);
public sealed record SourceDto(string Url, string? Title, string Publisher, string? PublishedOn, string Quote, string Kind);

/// <summary>One incident as the API shows it, with every source.</summary>
public sealed record IncidentDto(
    string Id, string Title, string Date, string DatePrecision, string? DateMeaning,
    OperationRef? Operation, CountryRef OriginCountry, CountryRef? HostCountry, string? City, Location? Location,
    [property: Obsolete("the first of targets, kept for v1 clients; use targets and people.")] TargetDto Target,
    IReadOnlyList<string> Methods, string Outcome, string Summary, string Confidence, string? Notes,
    IReadOnlyList<SourceDto> Sources, string AddedOn, string UpdatedOn,
    IReadOnlyList<TargetDto> Targets, long? People, string Attribution, IReadOnlyList<string> Inferred)
{
    /// <summary>Top-level JSON names, for the <c>fields</c> parameter.</summary>
    public static readonly string[] FieldNames = typeof(IncidentDto).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray();

    internal static IncidentDto From(IncidentRow r) => new(
        r.Id, r.Title, r.Date, r.DatePrecision, r.DateMeaning,
        r.Operation is null ? null : new(r.Operation, r.OperationName!),
        new(r.OriginCountry, r.OriginCountryName),
        r.HostCountry is null ? null : new(r.HostCountry, r.HostCountryName!),
        r.City,
        r.Lat is { } lat && r.Lon is { } lon ? new(lat, lon, r.LocationPrecision!) : null,
        new(r.TargetName, r.TargetNameZh, r.TargetType),
        JsonSerializer.Deserialize(r.MethodsJson, IncidentJson.Default.StringArray)!,
        r.Outcome, r.Summary, r.Confidence, r.Notes,
        JsonSerializer.Deserialize(r.SourcesJson, IncidentJson.Default.SourceDtoArray)!,
        r.AddedOn, r.UpdatedOn,
        JsonSerializer.Deserialize(r.TargetsJson, IncidentJson.Default.TargetDtoArray)!,
        r.People, r.Attribution,
        JsonSerializer.Deserialize(r.InferredJson, IncidentJson.Default.StringArray)!);
}

/// <summary>A row of the incident SELECT in <see cref="IncidentStore"/>; methods and sources arrive as JSON arrays.</summary>
internal sealed class IncidentRow
{
    public long Seq { get; init; }
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Date { get; init; } = "";
    public string DatePrecision { get; init; } = "";
    public string? DateMeaning { get; init; }
    public string OriginCountry { get; init; } = "";
    public string OriginCountryName { get; init; } = "";
    public string? HostCountry { get; init; }
    public string? HostCountryName { get; init; }
    public string? City { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? LocationPrecision { get; init; }
    public string? Operation { get; init; }
    public string? OperationName { get; init; }
    public string Outcome { get; init; } = "";
    public string? TargetName { get; init; }
    public string? TargetNameZh { get; init; }
    public string? TargetType { get; init; }
    public long? People { get; init; }
    public string Attribution { get; init; } = "";
    public string TargetsJson { get; init; } = "[]";
    public string InferredJson { get; init; } = "[]";
    public string Summary { get; init; } = "";
    public string Confidence { get; init; } = "";
    public string? Notes { get; init; }
    public string AddedOn { get; init; } = "";
    public string UpdatedOn { get; init; } = "";
    public string MethodsJson { get; init; } = "[]";
    public string SourcesJson { get; init; } = "[]";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(SourceDto[]))]
[JsonSerializable(typeof(TargetDto[]))]
internal sealed partial class IncidentJson : JsonSerializerContext;
