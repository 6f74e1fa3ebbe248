namespace IncidentApi.Features.Countries;

/// <summary>A country or territory (ISO 3166-1, plus Kosovo as XK) with its incident counts.</summary>
/// <param name="Code">ISO 3166-1 alpha-2.</param>
/// <param name="Alpha3">ISO 3166-1 alpha-3.</param>
/// <param name="Name">English short name.</param>
/// <param name="Region">Region, as the region filter takes it (Africa, Americas, Antarctic, Asia, Europe, Oceania).</param>
/// <param name="Subregion">Subregion, as the subregion filter takes it; null for a few territories.</param>
/// <param name="IncidentCount">Incidents hosted here (where the targeted people were), as /incidents?country= counts them.</param>
/// <param name="OriginCount">Incidents in which this state reached abroad.</param>
public sealed record CountryDto(string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount);

// Non-positional, because Dapper fills them: on an empty result SQLite cannot type COUNT(*), and a positional
// record would then find no constructor to match.
/// <summary>Incidents in one year.</summary>
public sealed record YearCount
{
    /// <summary>The year of the incident's date.</summary>
    public long Year { get; init; }
    /// <summary>Incidents dated in it.</summary>
    public long Count { get; init; }
}

/// <summary>Incidents per operation or method.</summary>
public sealed record SlugCount
{
    /// <summary>The operation's or method's slug.</summary>
    public string Slug { get; init; } = "";
    /// <summary>Its English name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Incidents with it (an incident with two methods counts under each).</summary>
    public long Count { get; init; }
}

/// <summary>One country with its incidents counted by year, operation and method.</summary>
/// <param name="Code">ISO 3166-1 alpha-2.</param>
/// <param name="Alpha3">ISO 3166-1 alpha-3.</param>
/// <param name="Name">English short name.</param>
/// <param name="Region">Region.</param>
/// <param name="Subregion">Subregion, or null.</param>
/// <param name="IncidentCount">Incidents hosted here.</param>
/// <param name="OriginCount">Incidents in which this state reached abroad.</param>
/// <param name="ByYear">Hosted incidents per year, oldest first.</param>
/// <param name="ByOperation">Hosted incidents per operation, most first.</param>
/// <param name="ByMethod">Hosted incidents per method, most first.</param>
public sealed record CountryDetailDto(
    string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount,
    IReadOnlyList<YearCount> ByYear, IReadOnlyList<SlugCount> ByOperation, IReadOnlyList<SlugCount> ByMethod);
