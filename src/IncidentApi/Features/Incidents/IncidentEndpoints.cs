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
            "Filters combine with AND; a comma-separated list inside one filter means any of. JSON is paged (data, page, links, and an RFC 8288 Link header); format=csv or format=geojson (or Accept: text/csv, application/geo+json) returns all matches, unpaged, as a download.");
        incidents.MapRead("/{id}", Get).WithName("GetIncident")
            .WithSummary("One incident, with every source")
            .WithDescription("Ids are stable and never reused.")
            .Produces<IncidentDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static IResult List([AsParameters] IncidentQuery query, IncidentStore store, ReferenceData reference, HttpContext http) =>
        IncidentList.Respond(query, query.ToFilter(reference), store, http);

    public static IResult Get([Description("Incident id (stable, never reused).")] [StringLength(Limits.Id, MinimumLength = 1)] string id, IncidentStore store) =>
        id.Length <= Limits.Id && store.Get(id) is { } incident
            ? TypedResults.Ok(incident)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No incident has this id.");
}
