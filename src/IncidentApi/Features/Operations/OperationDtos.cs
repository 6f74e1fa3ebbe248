using IncidentApi.DataBuild;
using IncidentApi.Features.Incidents;

namespace IncidentApi.Features.Operations;

/// <summary>An operation or yearly campaign.</summary>
/// <param name="Slug">Its slug: the operation filter takes it.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name, where sourced, else null.</param>
/// <param name="Parent">The operation a yearly campaign belongs to (sky-net-2021 belongs to sky-net), else null.</param>
/// <param name="OriginCountry">The state that runs it (ISO alpha-2).</param>
/// <param name="Launched">When it was launched, as far as sourced (YYYY, YYYY-MM or YYYY-MM-DD), or null.</param>
/// <param name="LaunchedPrecision">How much of the launch date is known, or null.</param>
/// <param name="LeadAgency">The agency that leads it, where sourced, or null.</param>
/// <param name="Description">What it is, in the curators' words.</param>
/// <param name="IncidentCount">Incidents tied to it, its campaigns' included.</param>
public sealed record OperationDto(
    string Slug, string Name, string? NameZh, string? Parent, string OriginCountry, string? Launched,
    [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.DatePrecisions))] string? LaunchedPrecision,
    string? LeadAgency, string Description, long IncidentCount);

/// <summary>A figure as officially announced (not verified), with its source.</summary>
/// <param name="Year">The year or years it covers: YYYY or YYYY-YYYY.</param>
/// <param name="Figure">The number announced.</param>
/// <param name="Claim">What it counts, as announced.</param>
/// <param name="Url">The page that reports it.</param>
/// <param name="Quote">A verbatim extract of that page.</param>
public sealed record ClaimDto(string Year, long Figure, string Claim, string Url, string Quote);

/// <summary>One operation with its campaigns, official claims and sources.</summary>
/// <param name="Slug">Its slug.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name, where sourced, else null.</param>
/// <param name="Parent">The operation a yearly campaign belongs to, else null.</param>
/// <param name="OriginCountry">The state that runs it (ISO alpha-2).</param>
/// <param name="Launched">When it was launched, as far as sourced, or null.</param>
/// <param name="LaunchedPrecision">How much of the launch date is known, or null.</param>
/// <param name="LaunchedNote">Why the launch date is as it is (sources differ, not retrieved…), or null.</param>
/// <param name="LeadAgency">The agency that leads it, or null.</param>
/// <param name="Description">What it is, in the curators' words.</param>
/// <param name="Notes">Doubts and what is not sourced, or null.</param>
/// <param name="IncidentCount">Incidents tied to it, its campaigns' included.</param>
/// <param name="Campaigns">Slugs of its yearly campaigns.</param>
/// <param name="OfficialClaims">Figures as announced (returns, assets recovered…), not verified.</param>
/// <param name="Sources">Sources for the description, each with a verbatim quote.</param>
public sealed record OperationDetailDto(
    string Slug, string Name, string? NameZh, string? Parent, string OriginCountry, string? Launched,
    [property: ClosedList(typeof(Vocabulary), nameof(Vocabulary.DatePrecisions))] string? LaunchedPrecision,
    string? LaunchedNote, string? LeadAgency, string Description, string? Notes, long IncidentCount, IReadOnlyList<string> Campaigns,
    IReadOnlyList<ClaimDto> OfficialClaims, IReadOnlyList<SourceDto> Sources);
