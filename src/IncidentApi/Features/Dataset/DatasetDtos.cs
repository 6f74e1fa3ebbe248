namespace IncidentApi.Features.Dataset;

/// <summary>How much the dataset holds.</summary>
/// <param name="Incidents">Incidents.</param>
/// <param name="Sources">Sources cited by incidents.</param>
/// <param name="HostCountries">Distinct host countries (unknown hosts not counted).</param>
/// <param name="OriginCountries">Distinct states that reached abroad.</param>
/// <param name="Operations">Operations and campaigns.</param>
/// <param name="Methods">Methods in the taxonomy.</param>
/// <param name="Countries">Countries and territories in the reference table.</param>
public sealed record DatasetCounts(long Incidents, long Sources, long HostCountries, long OriginCountries, long Operations, long Methods, long Countries);

/// <summary>The period the incidents cover.</summary>
/// <param name="From">The earliest day any incident's date can fall on (YYYY-MM-DD), or null when there are none.</param>
/// <param name="To">The latest day (YYYY-MM-DD), or null.</param>
public sealed record DateCoverage(string? From, string? To);

/// <summary>A headline figure from a report or official statement (official figures are as announced, not verified).</summary>
/// <param name="Key">Stable slug of the figure.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Report">The report or statement, or null.</param>
/// <param name="Period">The period it covers, or null.</param>
/// <param name="Figure">The number.</param>
/// <param name="Unit">What is counted.</param>
/// <param name="Scope">What it covers (states, kinds of incident), or null.</param>
/// <param name="Url">The page it is quoted from, or null when notes say why there is none.</param>
/// <param name="PublishedOn">When it was published, or null.</param>
/// <param name="Quote">A verbatim extract of at most 30 words.</param>
/// <param name="Notes">Caveats, or null.</param>
public sealed record FigureDto(
    string Key, string Publisher, string? Report, string? Period, long Figure, string Unit, string? Scope, string? Url,
    string? PublishedOn, string Quote, string? Notes);

/// <summary>A dated release of the seed data.</summary>
/// <param name="Version">The release number (see /api/v1/releases).</param>
/// <param name="Date">Its date (YYYY-MM-DD): every response's Last-Modified.</param>
public sealed record ReleaseRef(string Version, string Date);

/// <summary>What the dataset is, how big, how to cite it, and headline figures for context.</summary>
/// <param name="Version">A hash of the seed files: changes whenever the data does; every ETag derives from it.</param>
/// <param name="BuiltAt">Deprecated: the current release's date at midnight UTC (no longer the wall-clock build time, so identical data gives identical bytes). Use release.date.</param>
/// <param name="Release">The release the data is.</param>
/// <param name="Title">The dataset's title.</param>
/// <param name="Description">What it holds, or null.</param>
/// <param name="Counts">How much it holds.</param>
/// <param name="Coverage">The period the incidents cover.</param>
/// <param name="License">The license of the curation.</param>
/// <param name="LicenseUrl">The license's text, or null.</param>
/// <param name="Citation">How to cite it, with the release and version.</param>
/// <param name="SeedData">Where the seed files are, or null.</param>
/// <param name="Corrections">How to ask for a correction, or null.</param>
/// <param name="Figures">Headline figures from reports and official statements, each with its source.</param>
public sealed record DatasetDto(
    string Version,
    [property: Obsolete("Use Release.Date.")] string BuiltAt,
    ReleaseRef Release, string Title, string? Description, DatasetCounts Counts, DateCoverage Coverage,
    string License, string? LicenseUrl, string Citation, string? SeedData, string? Corrections, IReadOnlyList<FigureDto> Figures);
