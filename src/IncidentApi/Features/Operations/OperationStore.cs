using Dapper;
using IncidentApi.Features.Incidents;

namespace IncidentApi.Features.Operations;

public sealed class OperationStore(Db db, ReferenceData reference)
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
        var sources = connection.Query<SourceDto>(
            "SELECT url, title, publisher, published_on, quote, kind FROM operation_sources WHERE operation = @slug ORDER BY position", new { slug }).ToList();
        return new(r.Slug, r.Name, r.NameZh, r.Parent, r.OriginCountry, r.Launched, r.LaunchedPrecision, r.LaunchedNote, r.LeadAgency,
            r.Description, r.Notes, CountWithCampaigns(slug, Counts(connection)), campaigns, claims, sources);
    }

    private static Dictionary<string, long> Counts(Microsoft.Data.Sqlite.SqliteConnection connection) =>
        connection.Query<(string Operation, long Count)>("SELECT operation, COUNT(*) FROM incidents WHERE operation IS NOT NULL GROUP BY operation")
            .ToDictionary(x => x.Operation, x => x.Count);

    // Like the operation filter of /incidents, a parent's count includes its campaigns.
    private long CountWithCampaigns(string slug, Dictionary<string, long> counts) =>
        reference.OperationAndDescendants(slug).Sum(s => counts.GetValueOrDefault(s));

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
