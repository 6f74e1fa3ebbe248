namespace IncidentApi.Features.Countries;

public sealed record CountryDto(string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount);

public sealed record YearCount(long Year, long Count);

public sealed record SlugCount(string Slug, string Name, long Count);

public sealed record CountryDetailDto(
    string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount,
    IReadOnlyList<YearCount> ByYear, IReadOnlyList<SlugCount> ByOperation, IReadOnlyList<SlugCount> ByMethod);
