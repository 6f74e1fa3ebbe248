using Dapper;
using Microsoft.Data.Sqlite;
using IncidentApi.Features.Filter;
using Microsoft.Extensions.Caching.Memory;

namespace IncidentApi.Features.Incidents;

/// <summary>Incidents for /incidents, the sub-lists and the exports: matches from the index, rows from SQLite by primary key.</summary>
public sealed class IncidentStore(Db db, IncidentIndexes indexes)
{
    // The ordered ids of every match, per (dataset version, filter, sort). The data never changes while it is served,
    // so a list answers totalItems without counting again and any page, however deep, by slicing.
    // Bounded by size (4 bytes an id); a swapped database has a new version, so old lists just age out.
    private readonly MemoryCache _matches = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    private const string Columns = """
        i.seq, i.id, i.title, i.date, i.date_precision, i.date_meaning,
        i.origin_country, oc.name AS origin_country_name, i.host_country, hc.name AS host_country_name,
        i.city, i.lat, i.lon, i.location_precision, i.operation, op.name AS operation_name, i.outcome,
        i.target_name, i.target_name_zh, i.target_type, i.summary, i.confidence, i.notes, i.added_on, i.updated_on,
        i.attribution, i.people,
        (SELECT json_group_array(method) FROM (SELECT method FROM incident_methods WHERE incident = i.seq ORDER BY method)) AS methods_json,
        (SELECT json_group_array(json_object('url', url, 'title', title, 'publisher', publisher, 'publishedOn', published_on, 'quote', quote, 'kind', kind))
           FROM (SELECT * FROM incident_sources WHERE incident = i.seq ORDER BY position)) AS sources_json,
        (SELECT json_group_array(json_object('name', name, 'nameZh', name_zh, 'type', type))
           FROM (SELECT * FROM incident_targets WHERE incident = i.seq ORDER BY position)) AS targets_json,
        (SELECT json_group_array(field) FROM (SELECT field FROM incident_inferred WHERE incident = i.seq ORDER BY field)) AS inferred_json
        """;

    private const string Joins = """
        JOIN countries AS oc ON oc.code = i.origin_country
        LEFT JOIN countries AS hc ON hc.code = i.host_country
        LEFT JOIN operations AS op ON op.slug = i.operation
        """;

    public (IReadOnlyList<IncidentDto> Items, long Total) Find(IncidentFilter filter, string sort, int page, int size)
    {
        using var connection = db.Open();
        var ids = Matches(connection, filter, sort);
        var start = (long)(page - 1) * size;
        if (start >= ids.Length) return ([], ids.Length);
        return (Rows(connection, ids.AsSpan((int)start, (int)Math.Min(size, ids.Length - start)).ToArray()), ids.Length);
    }

    /// <summary>Every match, read a chunk at a time: the connection stays open only while the caller enumerates (exports stream).</summary>
    public IEnumerable<IncidentDto> Stream(IncidentFilter filter, string sort)
    {
        using var connection = db.Open();
        var ids = Matches(connection, filter, sort);
        for (var start = 0; start < ids.Length; start += StreamChunk)
            foreach (var incident in Rows(connection, ids.AsSpan(start, Math.Min(StreamChunk, ids.Length - start)).ToArray()))
                yield return incident;
    }

    private const int StreamChunk = 500;

    /// <summary>The most sources any match has: how many source column sets a CSV needs.</summary>
    public int MaxSources(IncidentFilter filter)
    {
        using var connection = db.Open();
        var index = indexes.For(connection);
        var ids = Matches(connection, filter, "id");
        return ids.Length == 0 ? 0 : ids.Max(i => index.SourceCount[i]);
    }

    /// <summary>The matching incidents' indexes in the index of the file this connection reads, in the order of <paramref name="sort"/>.</summary>
    internal int[] Matches(SqliteConnection connection, IncidentFilter filter, string sort)
    {
        var index = indexes.For(connection);
        return _matches.GetOrCreate($"{index.Version}|{sort}|{filter.Key}", entry =>
        {
            var text = filter.Match is null ? null : Search(connection, filter.Match);
            var found = filter.Apply(index, text);
            IncidentOrder.Sort(index, found, sort, text);
            entry.Size = found.Length * sizeof(int) + 64;
            return found;
        })!;
    }

    /// <summary>
    /// Full-text matches, index to bm25 rank (lower is better). Weights: titles and names 5, places and topics 2,
    /// summaries 1, sources (titles, publishers, quotes) 0.5, so a match in a source ranks below one in the record.
    /// </summary>
    internal static Dictionary<int, double> Search(SqliteConnection connection, string match) =>
        connection.Query<(long Seq, double Rank)>(
            "SELECT rowid, bm25(incident_search, 5.0, 1.0, 5.0, 2.0, 2.0, 0.5) FROM incident_search WHERE incident_search MATCH @match", new { match })
            .ToDictionary(m => (int)m.Seq - 1, m => m.Rank);

    // One page of rows by primary key (index i is seq i + 1), in the order given.
    private static List<IncidentDto> Rows(SqliteConnection connection, int[] indexes)
    {
        var seqs = indexes.Select(i => (long)i + 1).ToArray();
        var rows = connection.Query<IncidentRow>($"SELECT {Columns} FROM incidents AS i {Joins} WHERE i.seq IN @seqs", new { seqs }).ToDictionary(r => r.Seq);
        return seqs.Select(seq => IncidentDto.From(rows[seq])).ToList();
    }

    /// <summary>A withdrawn id: the release that withdrew it, why, and the record that replaced it (if any).</summary>
    public sealed record WithdrawnId(string Release, string Date, string? Reason, string? ReplacedBy);

    public WithdrawnId? Withdrawn(string id)
    {
        using var connection = db.Open();
        return connection.QueryFirstOrDefault<WithdrawnId>("""
            SELECT c.version AS release, r.date, c.what AS reason, c.replaced_by AS replacedBy FROM release_changes AS c JOIN releases AS r ON r.version = c.version
            WHERE c.id = @id AND c.change = 'removed' ORDER BY r.position DESC
            """, new { id });
    }

    public IncidentDto? Get(string id)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<IncidentRow>($"SELECT {Columns} FROM incidents AS i {Joins} WHERE i.id = @id", new { id });
        return row is null ? null : IncidentDto.From(row);
    }
}
