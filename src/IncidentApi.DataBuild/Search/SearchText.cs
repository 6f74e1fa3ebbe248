using System.Text;
using System.Text.RegularExpressions;

namespace IncidentApi.DataBuild;

/// <summary>
/// The one place that decides how text is indexed and queried for full-text search. Latin script goes to SQLite's
/// porter tokenizer over unicode61 (case, diacritics and plural/singular folded away). Chinese is folded to
/// simplified (<see cref="ChineseFolding"/>) and indexed as single characters and overlapping pairs, so a
/// two-character name is a token of its own (unicode61 would index a whole run as one token). A query is rebuilt
/// from its words: words are ANDed, OR between two alternatives, "a phrase", a trailing * for a prefix (every Latin
/// word matches as a prefix anyway), established variant spellings (<see cref="SearchSynonyms"/>) as alternatives.
/// Anything else is plain text: no FTS5 syntax from a user ever reaches SQLite.
/// </summary>
public static partial class SearchText
{
    /// <summary>One Chinese character: the CJK blocks of the BMP, or a surrogate pair from the supplementary ideographs.</summary>
    public const string HanCharacter =
        @"(?:[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}]|[\uD840-\uD88F][\uDC00-\uDFFF])";

    // Runs of Chinese characters, or runs of other letters and digits: "Lu卢思位" is two terms, "Lu" and "卢思位".
    [GeneratedRegex(HanCharacter + @"+|[\p{L}\p{N}\p{M}-[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}]]+")]
    private static partial Regex Terms();

    [GeneratedRegex("^" + HanCharacter)]
    private static partial Regex Han();

    // A query's tokens: a quoted phrase, or a run without spaces or quotes.
    [GeneratedRegex("\"([^\"]*)\"?|[^\\s\"]+")]
    private static partial Regex Tokens();

    /// <summary>Text as stored in the index: Chinese folded to simplified, its runs as characters and pairs; other text unchanged.</summary>
    public static string ForIndex(params string?[] parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part)) continue;
            var folded = ChineseFolding.Fold(part);
            sb.Append(folded).Append(' ');
            foreach (Match m in Terms().Matches(folded))
                if (Han().IsMatch(m.Value)) AppendGrams(sb, m.Value);
        }
        return sb.ToString();
    }

    /// <summary>An FTS5 MATCH expression for <paramref name="query"/> (see the class summary), or null if it has no words.</summary>
    public static string? ToMatch(string query)
    {
        var clauses = new List<string>();
        var pendingOr = false;
        var tokens = Tokens().Matches(ChineseFolding.Fold(query)).ToList();
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Value == "OR") { pendingOr = clauses.Count > 0; continue; }
            string? clause;
            if (token.Value.StartsWith('"')) clause = Phrase(token.Groups[1].Value);
            else if (t + 1 < tokens.Count && SearchSynonyms.Of($"{Word(token.Value)} {Word(tokens[t + 1].Value)}") is { } pair)
            {
                clause = Alternatives(pair);   // a two-word variant ("east turkistan") typed as two words
                t++;
            }
            else clause = Words(token.Value);
            if (clause is null) continue;
            if (pendingOr) clauses[^1] = $"({Unwrap(clauses[^1])} OR {Unwrap(clause)})";
            else clauses.Add(clause);
            pendingOr = false;
        }
        return clauses.Count == 0 ? null : string.Join(" AND ", clauses.Distinct());
    }

    private static string Word(string token) => string.Concat(Terms().Matches(token).Select(m => m.Value)).ToLowerInvariant();

    // One token without spaces: its Latin words (each a prefix, or its variant spellings) and its Chinese pairs, ANDed.
    private static string? Words(string token)
    {
        var parts = new List<string>();
        foreach (Match m in Terms().Matches(token))
        {
            if (Han().IsMatch(m.Value)) { parts.AddRange(Grams(m.Value)); continue; }
            var word = m.Value.ToLowerInvariant();
            parts.Add(SearchSynonyms.Of(word) is { } group ? Alternatives(group) : $"\"{word}\"*");
        }
        return parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : $"({string.Join(" AND ", parts.Distinct())})";
    }

    // "a phrase": its Latin words in order; Chinese inside it as pairs (a pair is already a phrase of two characters).
    private static string? Phrase(string text)
    {
        var latin = Terms().Matches(text).Where(m => !Han().IsMatch(m.Value)).Select(m => m.Value.ToLowerInvariant()).ToList();
        var parts = Terms().Matches(text).Where(m => Han().IsMatch(m.Value)).SelectMany(m => Grams(m.Value)).ToList();
        if (latin.Count > 0) parts.Insert(0, SearchSynonyms.Of(string.Join(' ', latin)) is { } group ? Alternatives(group) : $"\"{string.Join(' ', latin)}\"");
        return parts.Count == 0 ? null : parts.Count == 1 ? parts[0] : $"({string.Join(" AND ", parts)})";
    }

    private static string Alternatives(string[] group) =>
        $"({string.Join(" OR ", group.Select(g => g.Contains(' ') ? $"\"{g}\"" : $"\"{g}\"*"))})";

    private static string Unwrap(string clause) => clause.StartsWith('(') && clause.EndsWith(')') && !clause.Contains(" AND ") ? clause[1..^1] : clause;

    // A Chinese run as the pairs it contains (a single character stands alone): every pair must match.
    private static IEnumerable<string> Grams(string text)
    {
        var run = Characters(text);
        if (run.Length == 1) return [$"\"{run[0]}\""];
        return Enumerable.Range(0, run.Length - 1).Select(i => $"\"{run[i]}{run[i + 1]}\"");
    }

    private static void AppendGrams(StringBuilder sb, string text)
    {
        var run = Characters(text);
        for (var i = 0; i < run.Length; i++)
        {
            sb.Append(run[i]).Append(' ');
            if (i + 1 < run.Length) sb.Append(run[i]).Append(run[i + 1]).Append(' ');
        }
    }

    // By code point, so a character outside the BMP (a surrogate pair) is never cut in half.
    private static string[] Characters(string run) => run.EnumerateRunes().Select(r => r.ToString()).ToArray();
}
