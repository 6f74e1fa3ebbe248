namespace IncidentApi.Features.Releases;

/// <summary>A release in the list: its counts of incidents and of records added, changed and withdrawn.</summary>
public sealed record ReleaseSummaryDto(string Version, string Date, string Summary, long Incidents, long Added, long Changed, long Removed);

public sealed record ReleaseListDto(IReadOnlyList<ReleaseSummaryDto> Data);

public sealed record ChangeNoteDto(string Id, string? What);

public sealed record RemovalDto(string Id, string? ReplacedBy, string? Reason);

/// <summary>One release with every id it added, changed (and what changed) and withdrew (why, and what replaces it).</summary>
public sealed record ReleaseDto(
    string Version, string Date, string Summary, long Incidents,
    IReadOnlyList<string> Added, IReadOnlyList<ChangeNoteDto> Changed, IReadOnlyList<RemovalDto> Removed);

/// <summary>One change to one record, in the order changes happened: release by release, as each release lists them.</summary>
public sealed record ChangeDto(string Release, string Date, string Change, string Id, string? What, string? ReplacedBy);
