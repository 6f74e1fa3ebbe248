using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using IncidentApi.Features.Incidents;

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
        TypedResults.Ok(store.List(query.Region is { Items.Length: > 0 } r ? r.Items : null, query.HasIncidents is null ? null : bool.Parse(query.HasIncidents), query.Sort ?? "name"));

    public static Results<Ok<CountryDetailDto>, ProblemHttpResult> Get([Description(CodeDoc)] [StringLength(Limits.CountryCode, MinimumLength = 2)] [RegularExpression(CodePattern)] string code, CountryStore store, ReferenceData reference) =>
        Known(code, reference) is { } alpha2 && store.Get(alpha2) is { } country ? TypedResults.Ok(country) : NotFound(code, reference);

    public static IResult Incidents([Description(CodeDoc)] [StringLength(Limits.CountryCode, MinimumLength = 2)] [RegularExpression(CodePattern)] string code, [AsParameters] IncidentQuery query, IncidentStore store, ReferenceData reference, HttpContext http) =>
        Known(code, reference) is { } alpha2 ? IncidentList.Respond(query, query.ToFilter(reference).WithCountry(alpha2), store, http, alpha2) : NotFound(code, reference);

    private const string CodeDoc = "ISO 3166-1 alpha-2 or alpha-3 code, any case (e.g. CA or CAN).", CodePattern = "^[A-Za-z]{2,3}$";

    private static string? Known(string code, ReferenceData reference) => code.Length <= Limits.CountryCode ? reference.CountryCode(code) : null;

    private static ProblemHttpResult NotFound(string code, ReferenceData reference) => NotFoundProblem.With(
        "No country has this ISO 3166-1 alpha-2 or alpha-3 code.", reference.SuggestCountry(code), suggestion => $"/api/v1/countries/{suggestion}");
}
