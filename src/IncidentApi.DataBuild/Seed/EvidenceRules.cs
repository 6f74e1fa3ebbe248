using System.Text.RegularExpressions;

namespace IncidentApi.DataBuild.Seed;

/// <summary>
/// The codebook's evidence rules (data/README.md, "Evidence"), written once: the confidence a record's sources allow,
/// the source kinds each attribution needs, and which title verbs only a strong attribution may use.
/// </summary>
public static partial class EvidenceRules
{
    /// <summary>The source kinds that can establish each attribution: at least one source must be of one of them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AttributionNeeds = new Dictionary<string, string[]>
    {
        ["acknowledged"] = ["origin-state"],
        ["judicial"] = ["court", "prosecutor"],
        ["host-government"] = ["host-government"],
        ["reported"] = ["ngo", "press", "academic", "other-government"],
        ["alleged"] = Vocabulary.SourceKinds,
    };

    /// <summary>Attributions strong enough for an assertive title ("abducted", "killed").</summary>
    public static readonly string[] Assertive = ["acknowledged", "judicial", "host-government"];

    /// <summary>
    /// Who is independent of whom: a source's publisher up to " (via ", so a wire story and its reprint ("Xinhua" and
    /// "Xinhua (via China.org.cn)") are one publisher; compared case-insensitively.
    /// </summary>
    public static string Publisher(string publisher)
    {
        var via = publisher.IndexOf(" (via ", StringComparison.OrdinalIgnoreCase);
        return (via < 0 ? publisher : publisher[..via]).Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The highest confidence the sources allow: "high" with a court, prosecutor or host-government source, or with
    /// sources from at least two publishers of which at least one is not the origin state; otherwise "medium".
    /// </summary>
    public static string Ceiling(IReadOnlyCollection<(string Kind, string Publisher)> sources) =>
        sources.Any(s => s.Kind is "court" or "prosecutor" or "host-government")
        || (sources.Select(s => Publisher(s.Publisher)).Distinct().Count() >= 2 && sources.Any(s => s.Kind != "origin-state"))
            ? "high" : "medium";

    /// <summary>The first verb in a title that asserts what only a strong attribution establishes, unless the title hedges it.</summary>
    public static string? UnhedgedAssertion(string title) =>
        Hedge().IsMatch(title) ? null : AssertiveVerb().Match(title) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b(abduct\w*|kidnap\w*|killed|murder\w*|assassinat\w*|poison\w*|seized|snatched|forcibly returned|rendered)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AssertiveVerb();

    [GeneratedRegex(@"\b(reportedly|alleg\w*|according to|accus\w*|says|said|claims?|suspected)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hedge();
}
