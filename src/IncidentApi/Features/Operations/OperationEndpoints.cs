using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using IncidentApi.Features.Incidents;

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

    public static Results<Ok<OperationDetailDto>, ProblemHttpResult> Get([Description(SlugDoc)] [StringLength(Limits.Slug, MinimumLength = 1)] string slug,
        OperationStore store, ReferenceData reference) =>
        slug.Length <= Limits.Slug && store.Get(slug) is { } operation ? TypedResults.Ok(operation) : NotFound(slug, reference);

    public static IResult Incidents([Description(SlugDoc)] [StringLength(Limits.Slug, MinimumLength = 1)] string slug, [AsParameters] IncidentQuery query, IncidentStore store, ReferenceData reference, HttpContext http) =>
        slug.Length <= Limits.Slug && reference.IsOperation(slug)
            ? IncidentList.Respond(query, query.ToFilter(reference).WithOperations(reference.OperationAndDescendants(slug).ToArray()), store, http, slug)
            : NotFound(slug, reference);

    private const string SlugDoc = "Operation slug, e.g. sky-net or fox-hunt.";

    private static ProblemHttpResult NotFound(string slug, ReferenceData reference) => NotFoundProblem.With(
        "No operation has this slug; see /api/v1/operations.", reference.SuggestOperation(slug), suggestion => $"/api/v1/operations/{suggestion}");
}
