using System.Globalization;
using System.Text.Json.Nodes;
using IncidentApi.Features.Filter;
using IncidentApi.Features.Incidents;

namespace IncidentApi.Features.Stats;

/// <summary>
/// Counts over the matches of a filter, from the index: each matching incident adds itself (and its people) to the
/// row of its value, or values, for each dimension. Rows carry the names beside the codes, for spreadsheets.
/// </summary>
public sealed class StatsStore(Db db, IncidentStore incidents, IncidentIndexes indexes, ReferenceData reference)
{
    /// <summary>The dimensions, and the name column each code carries beside it.</summary>
    internal static readonly Dictionary<string, string?> Dimensions = new(StringComparer.Ordinal)
    {
        ["year"] = null, ["month"] = null, ["country"] = "countryName", ["originCountry"] = "originCountryName",
        ["operation"] = "operationName", ["method"] = "methodName", ["outcome"] = null, ["targetType"] = null,
        ["attribution"] = null, ["confidence"] = null, ["region"] = null, ["subregion"] = null,
    };

    public StatsDto Count(IncidentFilter filter, string[] dimensions, string measure, bool fill)
    {
        using var connection = db.Open();
        var x = indexes.For(connection);
        var matches = incidents.Matches(connection, filter, "id");
        // Counted by number (StatsDimension), so a match costs two array reads and no allocation; named once per row.
        var first = StatsDimension.For(x, dimensions[0], filter.Stated);
        var second = dimensions.Length > 1 ? StatsDimension.For(x, dimensions[1], filter.Stated) : StatsDimension.None;
        var cells = first.Size * second.Size;
        var counts = System.Buffers.ArrayPool<(long Incidents, long People, long Unknown)>.Shared.Rent(cells);
        Array.Clear(counts, 0, cells);
        Span<int> a = first.Size <= 512 ? stackalloc int[first.Size] : new int[first.Size];
        Span<int> b = second.Size <= 512 ? stackalloc int[second.Size] : new int[second.Size];
        long people = 0, unknown = 0;
        foreach (var i in matches)
        {
            var known = x.People[i] >= 0;
            if (known) people += x.People[i]; else unknown++;
            var (na, nb) = (first.Codes(i, a), second.Codes(i, b));
            for (var p = 0; p < na; p++)
                for (var q = 0; q < nb; q++)
                {
                    ref var g = ref counts[a[p] * second.Size + b[q]];
                    g = (g.Incidents + 1, g.People + (known ? x.People[i] : 0), g.Unknown + (known ? 0 : 1));
                }
        }
        var groups = new Dictionary<(object? A, object? B), (long Incidents, long People, long Unknown)>();
        for (var cell = 0; cell < cells; cell++)
            if (counts[cell].Incidents > 0) groups[(first.Value(cell / second.Size), second.Value(cell % second.Size))] = counts[cell];
        System.Buffers.ArrayPool<(long, long, long)>.Shared.Return(counts);
        if (fill) Fill(groups, dimensions, filter);
        var rows = groups.OrderBy(g => g.Key.A is null).ThenBy(g => g.Key.A, Comparer<object?>.Create(Compare))
            .ThenBy(g => g.Key.B is null).ThenBy(g => g.Key.B, Comparer<object?>.Create(Compare))
            .Select(g => Row(dimensions, [g.Key.A, g.Key.B], g.Value, measure)).ToList();
        return new(dimensions, matches.Length, rows, measure, people, unknown);
    }

    // Zero rows for the years or months between the first and last with incidents (or the filter's from/to), so a
    // time series has no gaps; with a second dimension, for each of its values.
    private static void Fill(Dictionary<(object? A, object? B), (long, long, long)> groups, string[] dimensions, IncidentFilter filter)
    {
        var time = Array.FindIndex(dimensions, d => d is "year" or "month");
        var periods = groups.Keys.Select(k => time == 0 ? k.A : k.B).OfType<object>().ToList();
        if (periods.Count == 0 && filter.From is null) return;
        var first = filter.From ?? periods.Select(Start).Min();
        var last = filter.To ?? periods.Select(Start).Max();
        var others = groups.Keys.Select(k => time == 0 ? k.B : k.A).Distinct().ToList();
        for (var day = new DateOnly(first.Year, dimensions[time] == "year" ? 1 : first.Month, 1); day <= last;
             day = dimensions[time] == "year" ? day.AddYears(1) : day.AddMonths(1))
        {
            object period = dimensions[time] == "year" ? day.Year : day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            foreach (var other in others) groups.TryAdd(time == 0 ? (period, other) : (other, period), default);
        }
    }

    private static DateOnly Start(object period) => period is int year ? new DateOnly(year, 1, 1)
        : DateOnly.ParseExact((string)period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (int x, int y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => 0,
    };

    private JsonObject Row(string[] dimensions, object?[] values, (long Incidents, long People, long Unknown) count, string measure)
    {
        var row = new JsonObject();
        for (var n = 0; n < dimensions.Length; n++)
        {
            var value = values[n];
            row[dimensions[n]] = value switch { int y => JsonValue.Create(y), string s => JsonValue.Create(s), _ => null };
            if (Dimensions[dimensions[n]] is { } nameColumn)
                row[nameColumn] = value is not string code ? null : dimensions[n] switch
                {
                    "operation" => reference.OperationName(code),
                    "method" => reference.MethodName(code),
                    _ => reference.CountryName(code),
                };
        }
        row["count"] = measure == "people" ? count.People : count.Incidents;
        row["incidents"] = count.Incidents;
        row["people"] = count.People;
        row["peopleUnknown"] = count.Unknown;
        return row;
    }
}
