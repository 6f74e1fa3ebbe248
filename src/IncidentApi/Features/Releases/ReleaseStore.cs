using Dapper;

namespace IncidentApi.Features.Releases;

public sealed class ReleaseStore(Db db)
{
    private const string Counts = """
        SELECT r.version, r.date, r.summary, r.incidents,
            (SELECT COUNT(*) FROM release_changes WHERE version = r.version AND change = 'added') AS added,
            (SELECT COUNT(*) FROM release_changes WHERE version = r.version AND change = 'changed') AS changed,
            (SELECT COUNT(*) FROM release_changes WHERE version = r.version AND change = 'removed') AS removed
        FROM releases AS r
        """;

    public ReleaseListDto List()
    {
        using var connection = db.Open();
        return new(connection.Query<Row>($"{Counts} ORDER BY r.position DESC").Select(r => r.ToDto()).ToList());
    }

    public ReleaseDto? Get(string version)
    {
        using var connection = db.Open();
        if (connection.QuerySingleOrDefault<Row>($"{Counts} WHERE r.version = @version", new { version }) is not { } r) return null;
        var changes = connection.Query<(string Id, string Change, string? What, string? ReplacedBy)>(
            "SELECT id, change, what, replaced_by FROM release_changes WHERE version = @version ORDER BY position", new { version }).ToList();
        return new(r.Version, r.Date, r.Summary, r.Incidents,
            changes.Where(c => c.Change == "added").Select(c => c.Id).ToList(),
            changes.Where(c => c.Change == "changed").Select(c => new ChangeNoteDto(c.Id, c.What)).ToList(),
            changes.Where(c => c.Change == "removed").Select(c => new RemovalDto(c.Id, c.ReplacedBy, c.What)).ToList());
    }

    public bool IsVersion(string version)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM releases WHERE version = @version", new { version }) > 0;
    }

    /// <summary>The changes of the releases after <paramref name="afterVersion"/>, or dated on or after <paramref name="fromDate"/>, in order.</summary>
    public (IReadOnlyList<ChangeDto> Items, long Total) Changes(string? afterVersion, string? fromDate, int page, int size)
    {
        using var connection = db.Open();
        const string From = """
            FROM release_changes AS c JOIN releases AS r ON r.version = c.version
            WHERE (@afterVersion IS NULL OR r.position > (SELECT position FROM releases WHERE version = @afterVersion))
              AND (@fromDate IS NULL OR r.date >= @fromDate)
            """;
        var args = new { afterVersion, fromDate, skip = (long)(page - 1) * size, size };
        var total = connection.ExecuteScalar<long>($"SELECT COUNT(*) {From}", args);
        var items = connection.Query<ChangeDto>($"""
            SELECT c.version AS release, r.date, c.change, c.id, c.what, c.replaced_by AS replacedBy {From}
            ORDER BY r.position, c.position LIMIT @size OFFSET @skip
            """, args).ToList();
        return (items, total);
    }

    private sealed class Row
    {
        public string Version { get; init; } = "";
        public string Date { get; init; } = "";
        public string Summary { get; init; } = "";
        public long Incidents { get; init; }
        public long Added { get; init; }
        public long Changed { get; init; }
        public long Removed { get; init; }
        public ReleaseSummaryDto ToDto() => new(Version, Date, Summary, Incidents, Added, Changed, Removed);
    }
}
