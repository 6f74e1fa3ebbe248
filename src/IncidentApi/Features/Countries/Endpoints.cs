using IncidentApi.Features.Incidents;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Countries;

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
