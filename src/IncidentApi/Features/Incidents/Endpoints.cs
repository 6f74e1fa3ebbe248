using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentApi.Infrastructure;

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

    public static IResult List([AsParameters] IncidentQuery query, IncidentStore store, Catalog catalog, HttpContext http) =>
        Respond(query, query.ToFilter(catalog), store, http);

    public static IResult Get(string id, IncidentStore store) =>
        id.Length <= Limits.Id && store.Get(id) is { } incident
            ? TypedResults.Ok(incident)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No incident has this id.");

    /// <summary>The one way a filtered incident list is answered, for /incidents and the country and operation sub-lists.</summary>
    internal static IResult Respond(IncidentQuery query, IncidentFilter filter, IncidentStore store, HttpContext http)
    {
        var fields = query.FieldList;
        var format = OutputFormat.Of(http.Request, query.Format, OutputFormat.All);
        if (format != OutputFormat.Json && (query.Page is not null || query.PageSize is not null))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [query.Page is not null ? "page" : "pageSize"] = [$"A {format} download holds every match, unpaged; drop page and pageSize, or ask for JSON to page."],
            }, title: "Invalid query parameters", detail: "One or more query parameters are invalid; see errors.");
        switch (format)
        {
            case OutputFormat.Csv: return new CsvDownload(store.Stream(filter, query.SortKey), fields);
            case OutputFormat.GeoJson: return new GeoJsonDownload(store.Stream(filter, query.SortKey), fields);
        }
        var (items, total) = store.Find(filter, query.SortKey, query.Number, query.Size);
        var page = Paging.Respond(http, items, query.Number, query.Size, total);
        if (fields is null) return TypedResults.Ok(page);
        var node = JsonSerializer.SerializeToNode(page, ApiJsonContext.Default.PagedResponseIncidentDto)!;
        foreach (var item in node["data"]!.AsArray().Select(n => n!.AsObject()))
            foreach (var name in item.Select(p => p.Key).Where(k => !fields.Contains(k)).ToList()) item.Remove(name);
        return TypedResults.Ok(node);
    }

    /// <summary>OpenAPI for an incident list endpoint: its three formats and its errors.</summary>
    internal static RouteHandlerBuilder WithListDocs(this RouteHandlerBuilder route, string summary, string description) =>
        route.WithSummary(summary).WithDescription(description)
            .Produces<PagedResponse<IncidentDto>>(StatusCodes.Status200OK, "application/json")   // + text/csv, application/geo+json (ApiDocs)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
}
