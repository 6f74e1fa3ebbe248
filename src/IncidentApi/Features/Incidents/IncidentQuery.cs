using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Incidents;

/// <summary>GET /api/v1/incidents: the filters plus sorting, paging, sparse fields and format.</summary>
public sealed class IncidentQuery : IncidentFilterQuery, IFormatQuery
{
    [ParamDoc("Sort key: date, country, id, relevance (only with q), addedOn or updatedOn (what is newest in the data); a leading '-' means descending. Default -date (relevance when q is given). Ties break by id; an unknown host country sorts last.", Example = "-date", MaxLength = 20, Allowed = nameof(Sorts))]
    public string? Sort { get; set; }

    [ParamDoc("1-based page number.", Example = "1", Minimum = 1, Maximum = Limits.MaxPage)]
    public QueryInt? Page { get; set; }

    [ParamDoc("Items per page, 1 to 500 (default 50). A larger value is rejected, not clamped.", Example = "50", Minimum = 1, Maximum = Limits.MaxPageSize)]
    public QueryInt? PageSize { get; set; }

    [ParamDoc("Sparse fieldset: comma-separated top-level fields to keep; id is always kept. Applies to JSON, CSV and GeoJSON.", Example = "title,date,hostCountry,sources", MaxItems = Limits.FieldItems, MaxLength = Limits.List, Allowed = nameof(FieldNames))]
    public QueryList? Fields { get; set; }

    [ParamDoc("Output format; overrides the Accept header (text/csv, application/geo+json, application/x-ndjson, application/atom+xml). CSV, GeoJSON and NDJSON (one incident per line, streamed) return all matches, unpaged, as a download; Atom is a feed of the matches, most recently updated first, paged like JSON.", Example = "json", MaxLength = 10, Allowed = nameof(Formats))]
    public string? Format { get; set; }

    internal static IEnumerable<string> Sorts => IncidentOrder.Keys;
    internal static IEnumerable<string> FieldNames => IncidentDto.FieldNames;
    public static string[] Formats { get; } = OutputFormat.All;

    public int Number => Page?.Number ?? 1;
    public int Size => PageSize?.Number ?? Limits.DefaultPageSize;
    public string SortKey => Sort ?? (string.IsNullOrWhiteSpace(Q) ? "-date" : "relevance");
    public string[]? FieldList => Fields is { Items.Length: > 0 } f ? f.Items.Append("id").Distinct().ToArray() : null;
}
