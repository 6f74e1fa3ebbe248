using IncidentApi.Features.Incidents;

namespace IncidentApi.Features.Operations;

public sealed record OperationDto(
    string Slug, string Name, string? NameZh, string? Parent, string OriginCountry, string? Launched, string? LaunchedPrecision,
    string? LeadAgency, string Description, long IncidentCount);

public sealed record ClaimDto(string Year, long Figure, string Claim, string Url, string Quote);


public sealed record OperationDetailDto(
    string Slug, string Name, string? NameZh, string? Parent, string OriginCountry, string? Launched, string? LaunchedPrecision,
    string? LaunchedNote, string? LeadAgency, string Description, string? Notes, long IncidentCount, IReadOnlyList<string> Campaigns,
    IReadOnlyList<ClaimDto> OfficialClaims, IReadOnlyList<SourceDto> Sources);
