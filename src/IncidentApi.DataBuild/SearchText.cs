using System.Text;
using System.Text.RegularExpressions;

namespace IncidentApi.DataBuild;

/// <summary>
/// The one place that decides how text is indexed and queried for full-text search. SQLite's unicode61 tokenizer
/// would index a Chinese name as one long token and its trigram tokenizer cannot match two characters, so runs of
/// Chinese characters are indexed as their single characters and overlapping pairs: a two-character name is then
/// a token of its own. Queries are rebuilt from letters and digits only, so no FTS5 syntax from a user survives.
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

    /// <summary>Text as stored in the index: Chinese runs become characters and pairs; other text is unchanged.</summary>
    public static string ForIndex(params string?[] parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part)) continue;
            sb.Append(part).Append(' ');
            foreach (Match m in Terms().Matches(part))
                if (Han().IsMatch(m.Value)) AppendGrams(sb, m.Value);
        }
        return sb.ToString();
    }

    /// <summary>An FTS5 MATCH expression requiring every term of <paramref name="query"/>, or null if it has none.</summary>
    public static string? ToMatch(string query)
    {
        var clauses = new List<string>();
        foreach (Match m in Terms().Matches(query))
        {
            if (!Han().IsMatch(m.Value)) { clauses.Add($"\"{m.Value}\"*"); continue; }   // prefix: "extradit" finds "extradition"
            var run = Characters(m.Value);
            if (run.Length == 1) clauses.Add($"\"{run[0]}\"");
            for (var i = 0; i + 1 < run.Length; i++) clauses.Add($"\"{run[i]}{run[i + 1]}\"");
        }
        return clauses.Count == 0 ? null : string.Join(" AND ", clauses.Distinct());
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
