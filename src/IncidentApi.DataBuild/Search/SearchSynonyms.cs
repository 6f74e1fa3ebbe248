namespace IncidentApi.DataBuild;

/// <summary>
/// Established variant spellings that name the same thing, each group findable by any of its members: a query for
/// one also matches the others. They stay distinct in the data (a record says what its sources say); only search
/// treats them as one. Kept short and documented in the README; a new group needs a reason in its comment.
/// </summary>
public static class SearchSynonyms
{
    public static readonly string[][] Groups =
    [
        ["uyghur", "uighur", "uigur", "uyghurs", "uighurs"],   // romanisations of the same people's name
        ["kazakh", "qazaq", "kazak"],                           // Russian-derived and Kazakh Latin spellings
        ["kyrgyz", "kirghiz", "kirgiz"],
        ["xinjiang", "east turkistan", "east turkestan"],       // the PRC's name and the name exiles use: both findable
        ["tibet", "xizang"],                                    // the common name and the PRC's official romanisation
        ["sky net", "skynet"],                                  // the operation's English name, spaced or not
        ["fox hunt", "foxhunt"],
    ];

    /// <summary>The group a (lowercase) term or phrase belongs to, or null.</summary>
    public static string[]? Of(string term) => Groups.FirstOrDefault(g => g.Contains(term, StringComparer.Ordinal));
}
