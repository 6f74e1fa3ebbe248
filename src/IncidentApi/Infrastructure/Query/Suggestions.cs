namespace IncidentApi.Infrastructure;

/// <summary>
/// "Did you mean": the closest known value to an unknown one, for parameter names, filter values and path segments.
/// In order: a declared alias (UK is GB), the same letters without case or punctuation (skynet is sky-net), a known
/// value it begins (kidnap is kidnapping), then the nearest by edit distance, if near enough to be a typo.
/// </summary>
public static class Suggestions
{
    public static string? Closest(string value, IEnumerable<string> known, IReadOnlyDictionary<string, string>? aliases = null)
    {
        if (value.Length is 0 or > 60) return null;
        if (aliases?.GetValueOrDefault(value.Trim().ToUpperInvariant()) is { } alias) return alias;
        var bare = Bare(value);
        var candidates = known.ToList();
        return candidates.FirstOrDefault(k => Bare(k) == bare)
            ?? (bare.Length >= 4 ? candidates.Where(k => Bare(k).StartsWith(bare, StringComparison.Ordinal)).MinBy(k => k.Length) : null)
            ?? candidates.Select(k => (Value: k, Distance: Distance(Bare(k), bare)))
                .Where(k => k.Distance <= Math.Max(1, Math.Min(bare.Length, k.Value.Length) / 3)).OrderBy(k => k.Distance).Select(k => k.Value).FirstOrDefault();
    }

    /// <summary>"; did you mean 'GB'?" or nothing: for the end of a message.</summary>
    public static string DidYouMean(string? suggestion) => suggestion is null ? "" : $" (did you mean '{suggestion}'?)";

    private static string Bare(string value) => new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Levenshtein distance; short strings only (callers cap their length).</summary>
    public static int Distance(string a, string b)
    {
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
