using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace IncidentApi.Features.Incidents;

public static class IncidentEndpoints
{
    public static void MapIncidents(this RouteGroupBuilder v1)
    {
        var incidents = v1.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapRead("/", List).WithName("ListIncidents").WithListDocs(
            "List incidents",
            "Filters combine with AND; a comma-separated list inside one filter means any of. JSON is paged (data, page, links, and an RFC 8288 Link header); " +
            "format=csv, geojson or ndjson (or the Accept header) returns all matches, unpaged, as a download named for its filter and the dataset version; " +
            "format=atom is an Atom feed of the matches, most recently updated first.");
        v1.MapRead("/incidents.atom", Feed).WithTags("Incidents").WithName("IncidentFeed")
            .WithSummary("Atom feed of incidents")
            .WithDescription("The same filters as /incidents, as an Atom 1.0 feed (RFC 4287) of the matches most recently added or corrected first, pageSize entries a page " +
                "(RFC 5005 next link): subscribe to \"new cases in Canada\" with /api/v1/incidents.atom?country=CA in any feed reader. The format parameter is ignored here.")
            .Produces(StatusCodes.Status200OK, contentType: AtomFeed.MediaType).ProducesProblem(StatusCodes.Status406NotAcceptable);
        incidents.MapRead("/{id}", Get).WithName("GetIncident")
            .WithSummary("One incident, with every source")
            .WithDescription("Ids are stable and never reused. An id withdrawn in a release (merged into another record, or shown wrong) answers " +
                "410 Gone, with replacedBy naming the record that now holds it, where there is one.")
            .Produces<IncidentDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
    }

    public static IResult Feed([AsParameters] IncidentQuery query, IncidentStore store, ReferenceData reference, HttpContext http)
    {
        query.Format = OutputFormat.Atom;
        return IncidentList.Respond(query, query.ToFilter(reference), store, http);
    }

    public static IResult List([AsParameters] IncidentQuery query, IncidentStore store, ReferenceData reference, HttpContext http) =>
        IncidentList.Respond(query, query.ToFilter(reference), store, http);

    public static IResult Get([Description("Incident id (stable, never reused).")] [StringLength(Limits.Id, MinimumLength = 1)] string id, IncidentStore store)
    {
        if (id.Length > Limits.Id) return NotFound();
        if (store.Get(id) is { } incident) return TypedResults.Ok(incident);
        return store.Withdrawn(id) is { } gone
            ? TypedResults.Problem(statusCode: StatusCodes.Status410Gone,
                detail: $"Incident '{id}' was withdrawn in release {gone.Release} ({gone.Date})" +
                    (gone.Reason is { } reason ? $": {reason.TrimEnd('.')}." : ".") +
                    (gone.ReplacedBy is null ? "" : $" It is now part of '{gone.ReplacedBy}'."),
                extensions: new Dictionary<string, object?> { ["replacedBy"] = gone.ReplacedBy, ["release"] = gone.Release })
            : NotFound();
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No incident has this id.");
}
