using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;

namespace IncidentApi.Features.Filter;

/// <summary>
/// The sort orders of incident lists. Each key orders by its value and breaks ties by id, so paging never repeats or
/// skips; descending keys reverse the value, not the tie-break. An unknown host country sorts last either way.
/// </summary>
public static class IncidentOrder
{
    public static readonly string[] Keys =
        ["date", "-date", "country", "-country", "id", "-id", "relevance", "-relevance", "addedOn", "-addedOn", "updatedOn", "-updatedOn"];

    /// <summary>
    /// Under each key but relevance (which depends on the query), computed once per database: each incident's position
    /// (Ranks) and the incident at each position (Sorted).
    /// </summary>
    internal static (FrozenDictionary<string, int[]> Ranks, FrozenDictionary<string, int[]> Sorted) Orders(
        int n, int[] date, int[] added, int[] updated, short[] host, IncidentIndex.Codes countries)
    {
        // Index order is id order, so the id itself is the tie-break.
        var countryOrder = Enumerable.Range(0, countries.Size).OrderBy(c => countries.Name((short)c), StringComparer.Ordinal)
            .Select((code, position) => (code, position)).ToDictionary(p => p.code, p => p.position);
        var country = host.Select(h => h < 0 ? int.MaxValue : countryOrder[h]).ToArray();
        // Id order and its reverse are each their own inverse: one array serves as both ranks and sorted.
        var (ids, reversed) = (Enumerable.Range(0, n).ToArray(), Enumerable.Range(0, n).Select(i => n - 1 - i).ToArray());
        var ranks = new Dictionary<string, (int[] Rank, int[] Sorted)> { ["id"] = (ids, ids), ["-id"] = (reversed, reversed) };
        foreach (var (key, value) in new[] { ("date", date), ("addedOn", added), ("updatedOn", updated), ("country", country) })
        {
            ranks[key] = Rank(n, (a, b) => value[a] != value[b] ? value[a].CompareTo(value[b]) : a.CompareTo(b));
            // Descending, but unknown countries stay last and ties keep ascending ids.
            ranks["-" + key] = Rank(n, (a, b) => value[a] == value[b] ? a.CompareTo(b)
                : key == "country" && (value[a] == int.MaxValue || value[b] == int.MaxValue) ? value[a].CompareTo(value[b])
                : value[b].CompareTo(value[a]));
        }
        return (ranks.ToFrozenDictionary(r => r.Key, r => r.Value.Rank), ranks.ToFrozenDictionary(r => r.Key, r => r.Value.Sorted));
    }

    private static (int[] Rank, int[] Sorted) Rank(int n, Comparison<int> order)
    {
        var sorted = Enumerable.Range(0, n).ToArray();
        Array.Sort(sorted, order);
        var rank = new int[n];
        for (var position = 0; position < n; position++) rank[sorted[position]] = position;
        return (rank, sorted);
    }

    /// <summary>
    /// Sorts matching indexes (ascending, as filters produce them) in place by <paramref name="key"/>; relevance sorts by
    /// the full-text rank (lower is better), ties by id.
    /// </summary>
    public static void Sort(IncidentIndex index, int[] matches, string key, IReadOnlyDictionary<int, double>? relevance)
    {
        if (key == "id") return;
        if (key is "relevance" or "-relevance")
        {
            var sign = key == "relevance" ? 1 : -1;
            Array.Sort(matches, (a, b) => relevance![a] != relevance[b] ? sign * relevance[a].CompareTo(relevance[b]) : a.CompareTo(b));
            return;
        }
        var (rank, sorted) = (index.Ranks[key], index.Sorted[key]);
        // Positions are distinct numbers below the incident count, so many matches sort in linear time: set each one's
        // bit in a bitmap of positions, then read the bits in order. Few matches sort their positions instead.
        var words = (rank.Length + 63) >> 6;
        if (matches.Length * 8L >= words)
        {
            var bits = ArrayPool<ulong>.Shared.Rent(words);
            Array.Clear(bits, 0, words);
            foreach (var i in matches) bits[rank[i] >> 6] |= 1UL << rank[i];
            var m = 0;
            for (var w = 0; w < words; w++)
                for (var word = bits[w]; word != 0; word &= word - 1)
                    matches[m++] = sorted[(w << 6) + BitOperations.TrailingZeroCount(word)];
            ArrayPool<ulong>.Shared.Return(bits);
            return;
        }
        var positions = ArrayPool<int>.Shared.Rent(matches.Length);
        for (var m = 0; m < matches.Length; m++) positions[m] = rank[matches[m]];
        Array.Sort(positions, 0, matches.Length);
        for (var m = 0; m < matches.Length; m++) matches[m] = sorted[positions[m]];
        ArrayPool<int>.Shared.Return(positions);
    }
}
