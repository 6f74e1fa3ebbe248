using System.Text.Json;
using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Incidents;

/// <summary>A filtered incident list, answered one way for /incidents and the country and operation sub-lists.</summary>
public static class IncidentList
{
    // scope: the country code or operation slug a sub-list fixes, for download names.
    public static IResult Respond(IncidentQuery query, IncidentFilter filter, IncidentStore store, HttpContext http, string? scope = null)
    {
        var fields = query.FieldList;
        var format = OutputFormat.Of(http.Request, query.Format, IncidentQuery.Formats);
        if (format is not (OutputFormat.Json or OutputFormat.Atom) && (query.Page is not null || query.PageSize is not null))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [query.Page is not null ? "page" : "pageSize"] = [$"A {format} download holds every match, unpaged; drop page and pageSize, or ask for JSON to page."],
            }, title: "Invalid query parameters", detail: "One or more query parameters are invalid; see errors.");
        var version = http.RequestServices.GetRequiredService<ReferenceData>().Version;
        string Name(string extension) => Download.FileName("incidents", query.Describe().Prepend(scope).OfType<string>(), version, extension);
        switch (format)
        {
            case OutputFormat.Csv: return new CsvDownload(store.Stream(filter, query.SortKey), fields, store.MaxSources(filter), Name("csv"));
            case OutputFormat.GeoJson: return new GeoJsonDownload(store.Stream(filter, query.SortKey), fields, Name("geojson"));
            case OutputFormat.Ndjson: return new NdjsonDownload(store.Stream(filter, query.SortKey), fields, Name("ndjson"));
            case OutputFormat.Atom:
                // A feed is what is new: most recently updated first, whatever sort says.
                var (entries, count) = store.Find(filter, "-updatedOn", query.Number, query.Size);
                return new AtomFeed(entries, Paging.Respond(http, entries, query.Number, query.Size, count).Links,
                    $"IncidentApi: {string.Join(", ", query.Describe().Prepend(scope).OfType<string>().DefaultIfEmpty("all incidents"))}",
                    Proxies.LinkBase(http), http.RequestServices.GetRequiredService<ReferenceData>().ReleaseDate);
        }
        var (items, total) = store.Page(filter, query.SortKey, query.Number, query.Size);
        var page = Paging.Respond(http, items, query.Number, query.Size, total);
        if (fields is null) return new RawJsonPage(page);
        var node = JsonSerializer.SerializeToNode(page, ApiJsonContext.Default.PagedResponseRawJson)!;
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
