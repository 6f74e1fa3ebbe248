using Dapper;

namespace IncidentApi.Features.Dataset;

public sealed record DatasetCounts(long Incidents, long Sources, long HostCountries, long OriginCountries, long Operations, long Methods, long Countries);
public sealed record DateCoverage(string? From, string? To);
/// <summary>A headline figure from a report or official statement (official figures are as announced, not verified).</summary>
public sealed record FigureDto(
    string Key, string Publisher, string? Report, string? Period, long Figure, string Unit, string? Scope, string? Url,
    string? PublishedOn, string Quote, string? Notes);
/// <summary>A dated release of the seed data.</summary>
public sealed record ReleaseRef(string Version, string Date);
public sealed record DatasetDto(
    string Version,
    [property: System.ComponentModel.Description("Deprecated: the current release's date at midnight UTC (no longer the wall-clock build time, so identical data gives identical bytes). Use release.date.")]
    [property: Obsolete("Use Release.Date.")] string BuiltAt,
    ReleaseRef Release, string Title, string? Description, DatasetCounts Counts, DateCoverage Coverage,
    string License, string? LicenseUrl, string Citation, string? SeedData, string? Corrections, IReadOnlyList<FigureDto> Figures);

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
        var figures = connection.Query<FigureDto>("""
            SELECT key, publisher, report, period, figure, unit, scope, url, published_on, quote, notes FROM figures ORDER BY position
            """).ToList();
        string? M(string key) => meta.GetValueOrDefault(key);
        var citation = (M("citation") ?? "").Replace("{version}", M("version")).Replace("{builtAt}", M("builtAt"))
            .Replace("{release}", M("release")).Replace("{releaseDate}", M("releaseDate"));
#pragma warning disable CS0618   // builtAt stays in v1 for published clients
        return new(M("version")!, M("builtAt")!, new(M("release")!, M("releaseDate")!), M("title") ?? "", M("description"), counts, coverage, M("license") ?? "", M("licenseUrl"),
            citation, M("seedData"), M("corrections"), figures);
#pragma warning restore CS0618
    }
}

public static class DatasetEndpoints
{
    public static void MapDataset(this RouteGroupBuilder v1)
    {
        var dataset = v1.MapGroup("/dataset").WithTags("Dataset");
        dataset.MapRead("/", Get).WithName("GetDataset")
            .WithSummary("Dataset version, release, counts, coverage, license, how to cite, and headline figures")
            .WithDescription("version changes whenever the seed data changes; every ETag is derived from it. release names the dated release the data is; " +
                "cite it with any figure. figures are headline numbers from reports (Freedom House, Safeguard Defenders) and official statements (CCDI, MPS, US DOJ), " +
                "each with its source and a verbatim quote, for context beside the incident records; official figures are as announced, not verified.");
        dataset.MapRead("/download", Download).WithName("DownloadDataset")
            .WithSummary("The whole dataset as a Frictionless Data Package (zip)")
            .WithDescription("datapackage.json (table schemas, primary and foreign keys, license, citation) with incidents.csv, sources.csv, " +
                "incident_methods.csv, countries.csv and operations.csv, named for the release and dataset version.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
    }

    public static Ok<DatasetDto> Get(DatasetStore store) => TypedResults.Ok(store.Get());

    public static IResult Download(DatasetStore store, DataPackage package)
    {
        var (zip, fileName) = package.Build(store.Get());
        return new ZipDownload(zip, fileName);
    }

    private sealed class ZipDownload(byte[] zip, string fileName) : Incidents.Download(fileName, "application/zip")
    {
        protected override Task WriteAsync(Stream body, CancellationToken cancel) => body.WriteAsync(zip, cancel).AsTask();
    }
}
