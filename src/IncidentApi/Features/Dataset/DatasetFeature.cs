using Dapper;

namespace IncidentApi.Features.Dataset;

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

/// <summary>OpenAPI: info.contact is the dataset's own (data/dataset.yaml), from the database being served.</summary>
public sealed class DatasetContactDocs(Db db) : Swashbuckle.AspNetCore.SwaggerGen.IDocumentFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiDocument document, Swashbuckle.AspNetCore.SwaggerGen.DocumentFilterContext context)
    {
        try
        {
            using var connection = db.Open();
            if (connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'contact'") is { } contact)
                document.Info.Contact = new Microsoft.OpenApi.OpenApiContact { Name = contact };
        }
        catch (Microsoft.Data.Sqlite.SqliteException) { }   // no database yet: the document is still served, without contact
    }
}
