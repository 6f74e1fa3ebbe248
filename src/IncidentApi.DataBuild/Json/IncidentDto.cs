using System.Text.Json;

namespace IncidentApi.DataBuild;

// An incident as the API publishes it. The builder serializes each one into the database (IncidentJson), so these
// records are the one definition of that JSON: the API sends the stored bytes and documents these types.

/// <summary>An operation or campaign an incident is tied to.</summary>
/// <param name="Slug">Its slug: /api/v1/operations/{slug}.</param>
/// <param name="Name">Its English name.</param>
public sealed record OperationRef(string Slug, string Name);

/// <summary>A country or territory.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 (XK for Kosovo).</param>
/// <param name="Name">Its English short name.</param>
public sealed record CountryRef(string Code, string Name);

/// <summary>The point for maps: the city where sourced (precision "city"), else the host country (precision "country").</summary>
/// <param name="Lat">Latitude, WGS 84 (GeoNames or the country's representative point).</param>
/// <param name="Lon">Longitude, WGS 84.</param>
/// <param name="Precision">city: the sourced city's point; country: the host country's representative point.</param>
public sealed record Location(double Lat, double Lon, [property: ClosedList(typeof(IncidentDto), nameof(IncidentDto.Precisions))] string Precision);

/// <summary>A person the incident targeted, as the sources name them.</summary>
/// <param name="Name">The name in Latin script, as the sources give it; null only in v1's deprecated target when nobody is named.</param>
/// <param name="NameZh">The Chinese name, only where a source gives it, in the characters that source prints.</param>
/// <param name="Type">What the person is, as the sources say; null when they do not.</param>
public sealed record TargetDto(string? Name, string? NameZh, [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.TargetTypes))] string? Type);

/// <summary>A source of an incident or an operation.</summary>
/// <param name="Url">The address of the page that says it.</param>
/// <param name="Title">The page title, or null when it was not retrieved.</param>
/// <param name="Publisher">The original author; "Original (via Site)" for a republication or mirror.</param>
/// <param name="PublishedOn">The page's date (YYYY, YYYY-MM or YYYY-MM-DD), or null.</param>
/// <param name="Quote">A verbatim extract of at most 30 words that supports the record.</param>
/// <param name="Kind">Who wrote the quoted text (see the codebook): a court, a prosecutor, the host government, the origin state or its state media, another government, an NGO, the press, or academics.</param>
public sealed record SourceDto(string Url, string? Title, string Publisher, string? PublishedOn, string Quote,
    [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.SourceKinds))] string Kind);

/// <summary>One incident as the API shows it, with every source.</summary>
/// <param name="Id">Stable id (surname-given-year-event); never changed, and never reused once withdrawn.</param>
/// <param name="Title">One neutral line in the curators' words.</param>
/// <param name="Date">The date the record is anchored to: YYYY, YYYY-MM or YYYY-MM-DD.</param>
/// <param name="DatePrecision">How much of the date is known.</param>
/// <param name="DateMeaning">What the date marks (arrest, return, charges unsealed, verdict…), or null.</param>
/// <param name="Operation">The operation or campaign a source ties the incident to; null when none does.</param>
/// <param name="OriginCountry">The state that reached abroad.</param>
/// <param name="HostCountry">Where the targeted people were; null when the sources do not say.</param>
/// <param name="City">The city, where a source names it; else null.</param>
/// <param name="Location">A point for maps; null when the host country is unknown.</param>
/// <param name="Target">The first of targets.</param>
/// <param name="Methods">Tactic slugs the sources describe (see /api/v1/methods).</param>
/// <param name="Outcome">How it ended, as far as the sources tell.</param>
/// <param name="Summary">Two or three neutral sentences, each claim attributed.</param>
/// <param name="Confidence">high or medium, never above what the sources' kinds and independence allow (codebook, "Evidence").</param>
/// <param name="Notes">What was inferred and why, doubts, why confidence is lowered; or null.</param>
/// <param name="Sources">Every source, each with a verbatim quote.</param>
/// <param name="AddedOn">The day the record was first published (YYYY-MM-DD).</param>
/// <param name="UpdatedOn">The day its content last changed (YYYY-MM-DD).</param>
/// <param name="Targets">Each named person; empty when nobody is named (a police station, an unnamed group).</param>
/// <param name="People">How many people the event affected, when the sources give it or the named targets show it; else null.</param>
/// <param name="Attribution">How the origin state's role is established: acknowledged by that state, judicial (a court or prosecutor in the host state), host-government, reported (independent reporting or research), alleged (unconfirmed).</param>
/// <param name="Inferred">The structured fields a curator read into the sources rather than found stated (originCountry, hostCountry, city, date, operation, outcome, people, targets.type, methods.&lt;slug&gt;); stated=true treats them as unknown.</param>
public sealed record IncidentDto(
    string Id, string Title, string Date,
    [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.DatePrecisions))] string DatePrecision,
    string? DateMeaning, OperationRef? Operation, CountryRef OriginCountry, CountryRef? HostCountry, string? City, Location? Location,
    [property: Obsolete("the first of targets, kept for v1 clients; use targets and people.")] TargetDto Target,
    IReadOnlyList<string> Methods, [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.Outcomes))] string Outcome, string Summary,
    [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.Confidence))] string Confidence, string? Notes,
    IReadOnlyList<SourceDto> Sources, string AddedOn, string UpdatedOn,
    IReadOnlyList<TargetDto> Targets, long? People,
    [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.Attributions))] string Attribution, IReadOnlyList<string> Inferred)
{
    internal static readonly string[] Precisions = ["city", "country"];
    /// <summary>Top-level JSON names, for the <c>fields</c> parameter.</summary>
    public static readonly string[] FieldNames = typeof(IncidentDto).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray();
}
