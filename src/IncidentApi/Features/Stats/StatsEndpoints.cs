
namespace IncidentApi.Features.Stats;

public static class StatsEndpoints
{
    public static void MapStats(this RouteGroupBuilder v1) =>
        v1.MapGroup("/stats").WithTags("Statistics").MapRead("/", Get).WithName("GetStats").Produces<StatsDto>()
            .WithSummary("Incident counts grouped by one or two dimensions, for dashboards")
            .WithDescription("Takes the same filters as /incidents. totalIncidents counts each matching incident once. " +
                "Counting rule: an incident with two methods (or two targets of different types) counts once under each, so rows grouped by method or targetType can sum to more than totalIncidents; " +
                "for every other dimension the rows sum to totalIncidents. Incidents whose value is unknown (e.g. no host country, or a month for an incident known only to a year) form a row with null; " +
                "with stated=true so do values a curator read into the sources. measure=people makes count the number of people (where known); every row also carries incidents, people and peopleUnknown.");

    public static IResult Get([AsParameters] StatsQuery query, StatsStore store, ReferenceData reference, HttpContext http)
    {
        var stats = store.Count(query.ToFilter(reference), query.Dimensions, query.Measure ?? "incidents", bool.TryParse(query.Fill, out var fill) && fill);
        return OutputFormat.Of(http.Request, query.Format, StatsQuery.Formats) == OutputFormat.Csv
            ? new StatsCsv(stats, Incidents.Download.FileName($"stats-{string.Join('-', query.Dimensions)}", query.Describe(), reference.Version, "csv"))
            : TypedResults.Ok(stats);
    }
}
