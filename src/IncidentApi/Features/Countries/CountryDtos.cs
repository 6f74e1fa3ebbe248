namespace IncidentApi.Features.Countries;

public sealed record CountryDto(string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount);

// Non-positional, because Dapper fills them: on an empty result SQLite cannot type COUNT(*), and a positional
// record would then find no constructor to match.
public sealed record YearCount
{
    public long Year { get; init; }
    public long Count { get; init; }
}

public sealed record SlugCount
{
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public long Count { get; init; }
}

public sealed record CountryDetailDto(
    string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount,
    IReadOnlyList<YearCount> ByYear, IReadOnlyList<SlugCount> ByOperation, IReadOnlyList<SlugCount> ByMethod);
