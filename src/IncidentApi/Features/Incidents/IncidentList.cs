using System.Text.Json;
using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Incidents;

/// <summary>A filtered incident list, answered one way for /incidents and the country and operation sub-lists.</summary>
public static class IncidentList
{
    public static IResult Respond(IncidentQuery query, IncidentFilter filter, IncidentStore store, HttpContext http)
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
    public static RouteHandlerBuilder WithListDocs(this RouteHandlerBuilder route, string summary, string description) =>
        route.WithSummary(summary).WithDescription(description)
            .Produces<PagedResponse<IncidentDto>>(StatusCodes.Status200OK, "application/json")   // + text/csv, application/geo+json (ApiDocs)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
}
