using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace IncidentApi.Infrastructure;

/// <summary>The query parameter names an endpoint knows, and the 400 for one it does not ("did you mean 'country'?").</summary>
public static class QueryNames
{
    public static FrozenSet<string> Of(Type? queryType) =>
        queryType is null ? FrozenSet<string>.Empty
        : queryType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, string[]> Unknown(IEnumerable<string> given, FrozenSet<string> known)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var name in given.Where(n => !known.Contains(n)))
        {
            var key = name.Length > 50 ? name[..50] : name;   // never echo an unbounded string back
            var closest = known.MinBy(k => Distance(k, name.ToLowerInvariant()));
            errors[key] = [closest is not null && Distance(closest, name.ToLowerInvariant()) <= Math.Max(2, closest.Length / 3)
                ? $"Unknown parameter '{key}'; did you mean '{closest}'?"
                : known.Count == 0 ? $"Unknown parameter '{key}'; this endpoint takes no query parameters."
                : $"Unknown parameter '{key}'. Known parameters: {string.Join(", ", known.Order(StringComparer.Ordinal))}."];
        }
        return errors;
    }

    // Levenshtein distance, on lower-case names; short strings only (names are capped above).
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        if (b.Length > 60) return int.MaxValue;
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var (diagonal, row0) = (row[0], i);
            row[0] = row0;
            for (var j = 1; j <= b.Length; j++)
            {
                var next = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                (diagonal, row[j]) = (row[j], next);
            }
        }
        return row[b.Length];
    }
}
