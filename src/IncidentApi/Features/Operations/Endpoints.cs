using IncidentApi.Features.Incidents;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Operations;

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

    public static Results<Ok<OperationDetailDto>, ProblemHttpResult> Get(string slug, OperationStore store) =>
        slug.Length <= Limits.Slug && store.Get(slug) is { } operation ? TypedResults.Ok(operation) : NotFound();

    public static IResult Incidents(string slug, [AsParameters] IncidentQuery query, IncidentStore store, Catalog catalog, HttpContext http) =>
        slug.Length <= Limits.Slug && catalog.IsOperation(slug)
            ? IncidentEndpoints.Respond(query, query.ToFilter(catalog).WithOperations(catalog.OperationAndDescendants(slug).ToArray()), store, http)
            : NotFound();

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No operation has this slug; see /api/v1/operations.");
}
