using Dapper;
using IncidentApi.Features.Filter;
using Microsoft.Extensions.Caching.Memory;

namespace IncidentApi.Features.Incidents;

/// <summary>Incidents from SQL, for /incidents, the sub-lists and the exports: pages by id lists, whole lists streamed.</summary>
public sealed class IncidentStore(Db db)
{
    // The ordered ids of every match, per (dataset version, filter, sort). The data never changes while it is served,
    // so a list answers totalItems without COUNT(*) and any page, however deep, by slicing: no OFFSET scan.
    // Bounded by size (8 bytes an id); a swapped database has a new version, so old lists just age out.
    private readonly MemoryCache _matches = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    // Identifiers cannot be parameters, so each sort key maps to fixed SQL. Ties break by id so paging never repeats or skips.
    internal static readonly Dictionary<string, string> SortSql = new(StringComparer.Ordinal)
    {
        ["date"] = "i.date_start, i.id", ["-date"] = "i.date_start DESC, i.id",
        ["country"] = "i.host_country IS NULL, i.host_country, i.id", ["-country"] = "i.host_country IS NULL, i.host_country DESC, i.id",
        ["id"] = "i.id", ["-id"] = "i.id DESC",
        ["relevance"] = "s.rank, i.id", ["-relevance"] = "s.rank DESC, i.id",
    };

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
        // The version of the file this connection reads (not the catalog's): during a swap the two can differ for a
        // moment, and ids from one file must never be looked up in the other.
        var version = connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'version'");
        var ids = _matches.GetOrCreate($"{version}|{sort}|{filter.Key}", entry =>
        {
            var (from, where, args) = filter.ToSql();
            var found = connection.Query<long>($"SELECT i.seq {from} {where} ORDER BY {SortSql[sort]}", args).ToArray();
            entry.Size = found.Length * sizeof(long) + 64;
            return found;
        })!;
        var start = (long)(page - 1) * size;
        if (start >= ids.Length) return ([], ids.Length);
        var pageIds = ids.AsSpan((int)start, (int)Math.Min(size, ids.Length - start)).ToArray();
        var rows = connection.Query<IncidentRow>($"SELECT {Columns} FROM incidents AS i {Joins} WHERE i.seq IN @pageIds", new { pageIds })
            .ToDictionary(r => r.Seq);
        return (pageIds.Select(id => IncidentDto.From(rows[id])).ToList(), ids.Length);
    }

    /// <summary>Every match, read lazily: the connection stays open only while the caller enumerates (exports stream).</summary>
    public IEnumerable<IncidentDto> Stream(IncidentFilter filter, string sort)
    {
        var (from, where, args) = filter.ToSql();
        using var connection = db.Open();
        foreach (var row in connection.Query<IncidentRow>($"SELECT {Columns} {from} {Joins} {where} ORDER BY {SortSql[sort]}", args, buffered: false))
            yield return IncidentDto.From(row);
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
