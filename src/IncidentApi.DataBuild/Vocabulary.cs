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

    /// <summary>"low" is in the list for v1 clients; a low-confidence record is never published (the builder rejects it).</summary>
    public static readonly string[] Confidence = ["high", "medium", "low"];

    /// <summary>Who wrote a source's quoted text.</summary>
    public static readonly string[] SourceKinds =
        ["court", "prosecutor", "host-government", "origin-state", "other-government", "ngo", "press", "academic"];

    /// <summary>How the origin state's role is established, strongest first.</summary>
    public static readonly string[] Attributions = ["acknowledged", "judicial", "host-government", "reported", "alleged"];

    /// <summary>Structured fields a curator may have read into the sources (listed in an incident's inferred), besides methods.&lt;slug&gt;.</summary>
    public static readonly string[] InferableFields = ["originCountry", "hostCountry", "city", "date", "operation", "outcome", "people", "targets.type"];

    public static readonly string[] DatePrecisions = ["year", "month", "day"];

    /// <summary>The most words a source quote may have: enough to support a record, short enough to be fair use.</summary>
    public const int MaxQuoteWords = 30;
}
