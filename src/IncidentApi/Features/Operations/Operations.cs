using Dapper;
using IncidentApi.Features.Incidents;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Operations;

public sealed record OperationDto(
    string Slug, string Name, string? NameZh, string? Parent, string OriginCountry, string? Launched, string? LaunchedPrecision,
    string? LeadAgency, string Description, long IncidentCount);
public sealed record ClaimDto(string Year, long Figure, string Claim, string Url, string Quote);
public sealed record OperationSourceDto(string Url, string? Title, string Publisher, string? PublishedOn, string Quote);
public sealed record OperationDetailDto(
    string Slug, string Name, string? NameZh, string? Parent, string OriginCountry, string? Launched, string? LaunchedPrecision,
    string? LaunchedNote, string? LeadAgency, string Description, string? Notes, long IncidentCount, IReadOnlyList<string> Campaigns,
    IReadOnlyList<ClaimDto> OfficialClaims, IReadOnlyList<OperationSourceDto> Sources);

public sealed class OperationStore(Db db, Catalog catalog)
{
    private const string Select = """
        SELECT slug, name, name_zh, parent, origin_country, launched, launched_precision, launched_note, lead_agency, description, notes
        FROM operations
        """;

    public IReadOnlyList<OperationDto> List()
    {
        using var connection = db.Open();
        var rows = connection.Query<OperationRow>($"{Select} ORDER BY launched, slug").ToList();
        var counts = Counts(connection);
        return rows.Select(r => new OperationDto(r.Slug, r.Name, r.NameZh, r.Parent, r.OriginCountry, r.Launched, r.LaunchedPrecision,
            r.LeadAgency, r.Description, CountWithCampaigns(r.Slug, counts))).ToList();
    }

    public OperationDetailDto? Get(string slug)
    {
        using var connection = db.Open();
        var r = connection.QuerySingleOrDefault<OperationRow>($"{Select} WHERE slug = @slug", new { slug });
        if (r is null) return null;
        var campaigns = connection.Query<string>("SELECT slug FROM operations WHERE parent = @slug ORDER BY launched, slug", new { slug }).ToList();
        var claims = connection.Query<ClaimDto>("SELECT year, figure, claim, url, quote FROM operation_claims WHERE operation = @slug ORDER BY position", new { slug }).ToList();
        var sources = connection.Query<OperationSourceDto>(
            "SELECT url, title, publisher, published_on, quote FROM operation_sources WHERE operation = @slug ORDER BY position", new { slug }).ToList();
        return new(r.Slug, r.Name, r.NameZh, r.Parent, r.OriginCountry, r.Launched, r.LaunchedPrecision, r.LaunchedNote, r.LeadAgency,
            r.Description, r.Notes, CountWithCampaigns(slug, Counts(connection)), campaigns, claims, sources);
    }

    private static Dictionary<string, long> Counts(Microsoft.Data.Sqlite.SqliteConnection connection) =>
        connection.Query<(string Operation, long Count)>("SELECT operation, COUNT(*) FROM incidents WHERE operation IS NOT NULL GROUP BY operation")
            .ToDictionary(x => x.Operation, x => x.Count);

    // Like the operation filter of /incidents, a parent's count includes its campaigns.
    private long CountWithCampaigns(string slug, Dictionary<string, long> counts) =>
        catalog.OperationAndDescendants(slug).Sum(s => counts.GetValueOrDefault(s));

    private sealed class OperationRow
    {
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
        public string? NameZh { get; init; }
        public string? Parent { get; init; }
        public string OriginCountry { get; init; } = "";
        public string? Launched { get; init; }
        public string? LaunchedPrecision { get; init; }
        public string? LaunchedNote { get; init; }
        public string? LeadAgency { get; init; }
        public string Description { get; init; } = "";
        public string? Notes { get; init; }
    }
}

public static class OperationEndpoints
{
    public static void MapOperations(this RouteGroupBuilder v1)
    {
        var operations = v1.MapGroup("/operations").WithTags("Operations");
        operations.MapRead("/", List).WithName("ListOperations")
            .WithSummary("Fox Hunt, Sky Net and its yearly campaigns, and other operations in the data")
            .WithDescription("parent links a yearly campaign to its operation; incidentCount of a parent includes its campaigns.");
        operations.MapRead("/{slug}", Get).WithName("GetOperation")
            .WithSummary("One operation with its official claims and sources")
            .WithDescription("officialClaims are figures as announced or reported (e.g. people returned in a year), each with its source and a verbatim quote; they are not independently verified.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        operations.MapRead("/{slug}/incidents", Incidents).WithName("ListOperationIncidents")
            .WithListDocs("Incidents of one operation and its campaigns", "As /incidents?operation={slug}; every other filter applies too.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Ok<IReadOnlyList<OperationDto>> List(OperationStore store) => TypedResults.Ok(store.List());

    public static Results<Ok<OperationDetailDto>, ProblemHttpResult> Get(string slug, OperationStore store, Catalog catalog) =>
        slug.Length <= Limits.Slug && catalog.IsOperation(slug) && store.Get(slug) is { } operation ? TypedResults.Ok(operation) : NotFound();

    public static IResult Incidents(string slug, [AsParameters] IncidentQuery query, IncidentStore store, Catalog catalog, HttpContext http) =>
        slug.Length <= Limits.Slug && catalog.IsOperation(slug)
            ? IncidentEndpoints.Respond(query, query.ToFilter(catalog).WithOperations(catalog.OperationAndDescendants(slug).ToArray()), store, http)
            : NotFound();

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No operation has this slug; see /api/v1/operations.");
}
