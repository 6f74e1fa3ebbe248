using Dapper;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Dataset;

public sealed record DatasetCounts(long Incidents, long Sources, long HostCountries, long OriginCountries, long Operations, long Methods, long Countries);
public sealed record DateCoverage(string? From, string? To);
public sealed record DatasetDto(
    string Version, string BuiltAt, string Title, string? Description, DatasetCounts Counts, DateCoverage Coverage,
    string License, string? LicenseUrl, string Citation, string? SeedData, string? Corrections);

public sealed class DatasetStore(Db db)
{
    public DatasetDto Get()
    {
        using var connection = db.Open();
        var meta = connection.Query<(string Key, string Value)>("SELECT key, value FROM meta").ToDictionary(m => m.Key, m => m.Value);
        var counts = connection.QuerySingle<DatasetCounts>("""
            SELECT (SELECT COUNT(*) FROM incidents) AS incidents, (SELECT COUNT(*) FROM incident_sources) AS sources,
                (SELECT COUNT(DISTINCT host_country) FROM incidents) AS host_countries,
                (SELECT COUNT(DISTINCT origin_country) FROM incidents) AS origin_countries,
                (SELECT COUNT(*) FROM operations) AS operations, (SELECT COUNT(*) FROM methods) AS methods,
                (SELECT COUNT(*) FROM countries) AS countries
            """);
        var coverage = connection.QuerySingle<DateCoverage>("SELECT MIN(date_start) AS \"from\", MAX(date_end) AS \"to\" FROM incidents");
        string? M(string key) => meta.GetValueOrDefault(key);
        var citation = (M("citation") ?? "").Replace("{version}", M("version")).Replace("{builtAt}", M("builtAt"));
        return new(M("version")!, M("builtAt")!, M("title") ?? "", M("description"), counts, coverage, M("license") ?? "", M("licenseUrl"),
            citation, M("seedData"), M("corrections"));
    }
}

public static class DatasetEndpoints
{
    public static void MapDataset(this RouteGroupBuilder v1) =>
        v1.MapGroup("/dataset").WithTags("Dataset").MapRead("/", Get).WithName("GetDataset")
            .WithSummary("Dataset version, build time, counts, coverage, license and how to cite")
            .WithDescription("version changes whenever the seed data changes; every ETag is derived from it. Cite the version with any figure.");

    public static Ok<DatasetDto> Get(DatasetStore store) => TypedResults.Ok(store.Get());
}
