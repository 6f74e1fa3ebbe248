using Dapper;
using FluentValidation;
using IncidentApi.Features.Incidents;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Countries;

public sealed class CountryQuery
{
    [ParamDoc("Region (e.g. Asia, Europe, Americas, Africa, Oceania); comma-separated = any of.", Example = "Asia", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public string? Region { get; set; }

    [ParamDoc("true: only countries that host at least one incident; false: only those that host none.", Example = "true", MaxLength = 5, Enum = "boolean")]
    public string? HasIncidents { get; set; }

    [ParamDoc("name (default) or -incidentCount (most incidents first); also -name and incidentCount. Ties break by code.", Example = "-incidentCount", MaxLength = 20, Enum = "countrySort")]
    public string? Sort { get; set; }
}

internal sealed class CountryQueryValidator : AbstractValidator<CountryQuery>
{
    public CountryQueryValidator(Catalog catalog)
    {
        RuleFor(q => q.Region).MaximumLength(Limits.List)
            .Must(r => IncidentFilterQuery.List(r)?.All(catalog.IsRegion) ?? true).WithMessage("Unknown region; see the region of any country in this list.");
        RuleFor(q => q.HasIncidents).Must(v => v is null || bool.TryParse(v, out _)).WithMessage("Must be true or false.");
        RuleFor(q => q.Sort).Must(s => s is null || CountryStore.SortSql.ContainsKey(s)).WithMessage("Must be name, -name, incidentCount or -incidentCount.");
    }
}

public sealed record CountryDto(string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount);
public sealed record YearCount(long Year, long Count);
public sealed record SlugCount(string Slug, string Name, long Count);
public sealed record CountryDetailDto(
    string Code, string Alpha3, string Name, string Region, string? Subregion, long IncidentCount, long OriginCount,
    IReadOnlyList<YearCount> ByYear, IReadOnlyList<SlugCount> ByOperation, IReadOnlyList<SlugCount> ByMethod);

public sealed class CountryStore(Db db)
{
    internal static readonly Dictionary<string, string> SortSql = new(StringComparer.Ordinal)
    {
        ["name"] = "c.name, c.code", ["-name"] = "c.name DESC, c.code",
        ["incidentCount"] = "incident_count, c.code", ["-incidentCount"] = "incident_count DESC, c.code",
    };

    // incidentCount counts incidents hosted (the country filter of /incidents); originCount those it originated.
    private const string Select = """
        SELECT c.code, c.alpha3, c.name, c.region, c.subregion,
            (SELECT COUNT(*) FROM incidents WHERE host_country = c.code) AS incident_count,
            (SELECT COUNT(*) FROM incidents WHERE origin_country = c.code) AS origin_count
        FROM countries AS c
        """;

    public IReadOnlyList<CountryDto> List(string[]? regions, bool? hasIncidents, string sort)
    {
        var where = new List<string>();
        if (regions is not null) where.Add("c.region COLLATE NOCASE IN @regions");
        if (hasIncidents is { } has) where.Add(has ? "incident_count > 0" : "incident_count = 0");
        var sql = $"SELECT * FROM ({Select}) AS c {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY {SortSql[sort]}";
        using var connection = db.Open();
        return connection.Query<CountryRow>(sql, new { regions }).Select(r => r.ToDto()).ToList();
    }

    public CountryDetailDto? Get(string code)
    {
        using var connection = db.Open();
        var c = connection.QuerySingleOrDefault<CountryRow>($"{Select} WHERE c.code = @code", new { code });
        if (c is null) return null;
        var byYear = connection.Query<YearCount>("""
            SELECT CAST(substr(date_start, 1, 4) AS INTEGER) AS year, COUNT(*) AS count FROM incidents
            WHERE host_country = @code GROUP BY year ORDER BY year
            """, new { code }).ToList();
        var byOperation = connection.Query<SlugCount>("""
            SELECT o.slug, o.name, COUNT(*) AS count FROM incidents AS i JOIN operations AS o ON o.slug = i.operation
            WHERE i.host_country = @code GROUP BY o.slug ORDER BY count DESC, o.slug
            """, new { code }).ToList();
        var byMethod = connection.Query<SlugCount>("""
            SELECT m.slug, m.name, COUNT(*) AS count FROM incidents AS i
            JOIN incident_methods AS im ON im.incident = i.seq JOIN methods AS m ON m.slug = im.method
            WHERE i.host_country = @code GROUP BY m.slug ORDER BY count DESC, m.slug
            """, new { code }).ToList();
        return new(c.Code, c.Alpha3, c.Name, c.Region, c.Subregion, c.IncidentCount, c.OriginCount, byYear, byOperation, byMethod);
    }

    private sealed class CountryRow
    {
        public string Code { get; init; } = "";
        public string Alpha3 { get; init; } = "";
        public string Name { get; init; } = "";
        public string Region { get; init; } = "";
        public string? Subregion { get; init; }
        public long IncidentCount { get; init; }
        public long OriginCount { get; init; }
        public CountryDto ToDto() => new(Code, Alpha3, Name, Region, Subregion, IncidentCount, OriginCount);
    }
}

public static class CountryEndpoints
{
    public static void MapCountries(this RouteGroupBuilder v1)
    {
        var countries = v1.MapGroup("/countries").WithTags("Countries");
        countries.MapRead("/", List).WithName("ListCountries")
            .WithSummary("Every country and territory, with its number of incidents")
            .WithDescription("ISO 3166-1 countries and territories (plus Kosovo, XK). incidentCount counts incidents hosted there, as the country filter of /incidents does; originCount those by its state.");
        countries.MapRead("/{code}", Get).WithName("GetCountry")
            .WithSummary("One country with its incident counts by year, operation and method")
            .WithDescription("code is ISO 3166-1 alpha-2 or alpha-3, any case. An incident with two methods counts once under each.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        countries.MapRead("/{code}/incidents", Incidents).WithName("ListCountryIncidents")
            .WithListDocs("Incidents hosted in one country", "As /incidents with the host country fixed; every other filter applies too.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Ok<IReadOnlyList<CountryDto>> List([AsParameters] CountryQuery query, CountryStore store) =>
        TypedResults.Ok(store.List(IncidentFilterQuery.List(query.Region), query.HasIncidents is null ? null : bool.Parse(query.HasIncidents), query.Sort ?? "name"));

    public static Results<Ok<CountryDetailDto>, ProblemHttpResult> Get(string code, CountryStore store, Catalog catalog) =>
        Known(code, catalog) is { } alpha2 && store.Get(alpha2) is { } country ? TypedResults.Ok(country) : NotFound();

    public static IResult Incidents(string code, [AsParameters] IncidentQuery query, IncidentStore store, Catalog catalog, HttpContext http) =>
        Known(code, catalog) is { } alpha2 ? IncidentEndpoints.Respond(query, query.ToFilter(catalog).WithCountry(alpha2), store, http) : NotFound();

    private static string? Known(string code, Catalog catalog) => code.Length <= Limits.CountryCode ? catalog.CountryCode(code) : null;

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No country has this ISO 3166-1 alpha-2 or alpha-3 code.");
}
