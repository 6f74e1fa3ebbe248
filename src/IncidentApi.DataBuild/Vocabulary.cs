namespace IncidentApi.DataBuild;

/// <summary>The closed lists of the codebook (data/README.md). Methods and operations live in the seed files instead.</summary>
public static class Vocabulary
{
    public static readonly string[] Outcomes =
        ["returned", "deported", "extradited-to-origin", "extradited-elsewhere", "detained", "charged-abroad",
         "convicted-abroad", "killed", "resisted", "unknown"];

    public static readonly string[] TargetTypes =
        ["fugitive-official", "businessperson", "dissident", "activist", "ethnic-minority", "religious-minority",
         "journalist", "other"];

    public static readonly string[] Confidence = ["high", "medium", "low"];

    public static readonly string[] DatePrecisions = ["year", "month", "day"];

    /// <summary>The most words a source quote may have: enough to support a record, short enough to be fair use.</summary>
    public const int MaxQuoteWords = 30;
}
