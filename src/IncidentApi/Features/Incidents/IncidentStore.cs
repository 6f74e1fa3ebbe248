using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using IncidentApi.DataBuild;
using IncidentApi.Features.Filter;
using Microsoft.Extensions.Caching.Memory;

namespace IncidentApi.Features.Incidents;

/// <summary>Incidents for /incidents, the sub-lists and the exports: matches from the index; each incident's JSON from memory, else from SQLite by primary key.</summary>
public sealed class IncidentStore(Db db, IncidentIndexes indexes, SerializedIncidents serialized)
{
    // The ordered ids of every match, per (dataset version, filter, sort). The data never changes while it is served,
    // so a list answers totalItems without counting again and any page, however deep, by slicing.
    // Bounded by size (4 bytes an id); a swapped database has a new version, so old lists just age out.
    private readonly MemoryCache _matches = new(new MemoryCacheOptions { SizeLimit = 32L * 1024 * 1024 });

    /// <summary>
    /// One page of a JSON list, each incident as ready-made JSON (<see cref="SerializedIncidents"/>). Without a text
    /// search and with every item kept, SQLite is not touched at all.
    /// </summary>
    public (RawJson[] Items, long Total) Page(IncidentFilter filter, string sort, int page, int size)
    {
        IncidentIndex index;
        int[] ids;
        if (filter.Match is null) ids = Matches(index = indexes.Current(), filter, sort, null);
        else
        {
            using var searched = db.Open();
            ids = Matches(index = indexes.For(searched), filter, sort, searched);
        }
        if (serialized.TryGet(index, Slice(ids, page, size)) is { } kept) return (kept, ids.Length);

        using var connection = db.Open();
        if (indexes.For(connection) is var read && read != index)   // the file was replaced since: answer from the new one
            ids = Matches(index = read, filter, sort, connection);
        return (serialized.Get(index, Slice(ids, page, size), missing => Json(connection, missing)), ids.Length);
    }

    /// <summary>One page of matches as objects (the Atom feed builds its entries from them).</summary>
    public (IReadOnlyList<IncidentDto> Items, long Total) Find(IncidentFilter filter, string sort, int page, int size)
    {
        using var connection = db.Open();
        var ids = Matches(connection, filter, sort);
        return (Rows(connection, Slice(ids, page, size).ToArray()), ids.Length);
    }

    private static ReadOnlySpan<int> Slice(int[] ids, int page, int size)
    {
        var start = (long)(page - 1) * size;
        return start >= ids.Length ? [] : ids.AsSpan((int)start, (int)Math.Min(size, ids.Length - start));
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
        var ids = Matches(index, filter, "id", connection);
        return ids.Length == 0 ? 0 : ids.Max(i => index.SourceCount[i]);
    }

    /// <summary>The matching incidents' indexes in the index of the file this connection reads, in the order of <paramref name="sort"/>.</summary>
    internal int[] Matches(SqliteConnection connection, IncidentFilter filter, string sort) =>
        Matches(indexes.For(connection), filter, sort, connection);

    // A text search reads the full-text index through connection, which must read index's file.
    private int[] Matches(IncidentIndex index, IncidentFilter filter, string sort, SqliteConnection? connection)
    {
        var key = $"{index.Version}|{sort}|{filter.Key}";
        if (_matches.TryGetValue(key, out int[]? kept)) return kept!;
        var text = filter.Match is null ? null : Search(connection!, filter.Match);
        var found = filter.Apply(index, text);
        IncidentOrder.Sort(index, found, sort, text);
        // Kept only when asked for before: a long tail of one-off filters would otherwise fill the cache with lists
        // nobody asks for again, evicting the ones people page through (and costing the collector for each).
        if (_doorkeeper.SeenBefore(key)) _matches.Set(key, found, new MemoryCacheEntryOptions { Size = found.Length * sizeof(int) + 64 });
        return found;
    }

    private readonly Doorkeeper _doorkeeper = new();

    /// <summary>
    /// Full-text matches, index to bm25 rank (lower is better). Weights: titles and names 5, places and topics 2,
    /// summaries 1, sources (titles, publishers, quotes) 0.5, so a match in a source ranks below one in the record.
    /// </summary>
    internal static Dictionary<int, double> Search(SqliteConnection connection, string match) =>
        connection.Query<(long Seq, double Rank)>(
            "SELECT rowid, bm25(incident_search, 5.0, 1.0, 5.0, 2.0, 2.0, 0.5) FROM incident_search WHERE incident_search MATCH @match", new { match })
            .ToDictionary(m => (int)m.Seq - 1, m => m.Rank);

    // Each incident's JSON as the builder stored it, by primary key (index i is seq i + 1), in the order given. One
    // statement whatever the page size: the keys go in as one JSON array.
    private static List<byte[]> Json(SqliteConnection connection, int[] indexes)
    {
        if (indexes.Length == 0) return [];
        var seqs = JsonSerializer.Serialize(indexes.Select(i => i + 1).ToArray(), StoreJson.Default.Int32Array);
        var found = connection.Query<(long Seq, byte[] Json)>(
            "SELECT incident, json FROM incident_json WHERE incident IN (SELECT value FROM json_each(@seqs))", new { seqs }).ToDictionary(r => r.Seq, r => r.Json);
        return indexes.Select(i => found[i + 1]).ToList();
    }

    // The objects, for the formats built from fields (CSV, GeoJSON, Atom).
    private static List<IncidentDto> Rows(SqliteConnection connection, int[] indexes) => Json(connection, indexes).Select(IncidentJson.Deserialize).ToList();

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

    /// <summary>One incident's JSON, or null when no incident has this id.</summary>
    public RawJson? Get(string id)
    {
        using var connection = db.Open();
        var seq = connection.QuerySingleOrDefault<long?>("SELECT seq FROM incidents WHERE id = @id", new { id });
        return seq is null ? null : serialized.Get(indexes.For(connection), [(int)seq - 1], missing => Json(connection, missing))[0];
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(int[]))]
internal sealed partial class StoreJson : System.Text.Json.Serialization.JsonSerializerContext;
