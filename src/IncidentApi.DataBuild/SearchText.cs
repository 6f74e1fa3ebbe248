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
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}]+|[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Terms();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}]")]
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
            var run = m.Value;
            if (run.Length == 1) clauses.Add($"\"{run}\"");
            for (var i = 0; i + 1 < run.Length; i++) clauses.Add($"\"{run.Substring(i, 2)}\"");
        }
        return clauses.Count == 0 ? null : string.Join(" AND ", clauses.Distinct());
    }

    private static void AppendGrams(StringBuilder sb, string run)
    {
        for (var i = 0; i < run.Length; i++)
        {
            sb.Append(run[i]).Append(' ');
            if (i + 1 < run.Length) sb.Append(run, i, 2).Append(' ');
        }
    }
}
