namespace IncidentApi.Features.Releases;

/// <summary>A release in the list: its counts of incidents and of records added, changed and withdrawn.</summary>
/// <param name="Version">The release number.</param>
/// <param name="Date">Its date (YYYY-MM-DD).</param>
/// <param name="Summary">What it brought, in prose.</param>
/// <param name="Incidents">Incidents in this release.</param>
/// <param name="Added">Records it added.</param>
/// <param name="Changed">Records it changed.</param>
/// <param name="Removed">Records it withdrew.</param>
public sealed record ReleaseSummaryDto(string Version, string Date, string Summary, long Incidents, long Added, long Changed, long Removed);

/// <summary>Every release, newest first.</summary>
/// <param name="Data">The releases.</param>
public sealed record ReleaseListDto(IReadOnlyList<ReleaseSummaryDto> Data);

/// <summary>A record a release changed.</summary>
/// <param name="Id">The incident id.</param>
/// <param name="What">What changed, in the curators' words.</param>
public sealed record ChangeNoteDto(string Id, string? What);

/// <summary>A record a release withdrew; its id answers 410 Gone and is never reused.</summary>
/// <param name="Id">The withdrawn id.</param>
/// <param name="ReplacedBy">The record that now holds it (a merge), or null.</param>
/// <param name="Reason">Why it was withdrawn.</param>
public sealed record RemovalDto(string Id, string? ReplacedBy, string? Reason);

/// <summary>One release with every id it added, changed (and what changed) and withdrew (why, and what replaces it).</summary>
/// <param name="Version">The release number.</param>
/// <param name="Date">Its date (YYYY-MM-DD).</param>
/// <param name="Summary">What it brought, in prose.</param>
/// <param name="Incidents">Incidents in this release.</param>
/// <param name="Added">Ids it added.</param>
/// <param name="Changed">Ids it changed, with what changed.</param>
/// <param name="Removed">Ids it withdrew.</param>
public sealed record ReleaseDto(
    string Version, string Date, string Summary, long Incidents,
    IReadOnlyList<string> Added, IReadOnlyList<ChangeNoteDto> Changed, IReadOnlyList<RemovalDto> Removed);

/// <summary>One change to one record, in the order changes happened: release by release, as each release lists them.</summary>
/// <param name="Release">The release that made it.</param>
/// <param name="Date">That release's date (YYYY-MM-DD).</param>
/// <param name="Change">added, changed or removed (withdrawn).</param>
/// <param name="Id">The incident id.</param>
/// <param name="What">What changed, or why it was withdrawn; null for an addition.</param>
/// <param name="ReplacedBy">For a withdrawal by merge, the record that now holds it; else null.</param>
public sealed record ChangeDto(string Release, string Date, [property: ClosedList(typeof(ChangeDto), nameof(ChangeDto.Kinds))] string Change, string Id, string? What, string? ReplacedBy)
{
    internal static readonly string[] Kinds = ["added", "changed", "removed"];
}
