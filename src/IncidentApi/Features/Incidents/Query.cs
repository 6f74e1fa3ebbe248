using IncidentApi.DataBuild;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Incidents;

/// <summary>
/// The incident filters of API.md, shared by /incidents, the country and operation sub-lists and /stats. The names
/// are the contract. Values are read only after the validator has passed them (see <see cref="QueryChecks"/>).
/// </summary>
public class IncidentFilterQuery
{
    [ParamDoc("Full-text search over title, summary, people's names (Latin and Chinese script) and places. Every word must match; a Latin word also matches as a prefix.", Example = "extradition", MaxLength = Limits.Text)]
    public string? Q { get; set; }

    [ParamDoc("Host country (where the targeted person was), ISO 3166-1 alpha-2 or alpha-3, any case; comma-separated = any of. Incidents whose host country is unknown never match.", Example = "CA,AU", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public string? Country { get; set; }

    [ParamDoc("The state that reached abroad, ISO 3166-1 alpha-2 or alpha-3; comma-separated = any of.", Example = "CN", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public string? OriginCountry { get; set; }

    [ParamDoc("Operation or campaign slug (see /api/v1/operations); a parent includes its campaigns (sky-net includes sky-net-2021). Comma-separated = any of.", Example = "sky-net", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public string? Operation { get; set; }

    [ParamDoc("Tactic slug (see /api/v1/methods); comma-separated = any of.", Example = "family-pressure,kidnapping", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public string? Method { get; set; }

    [ParamDoc("Outcome; comma-separated = any of.", Example = "returned", MaxItems = Limits.ListItems, MaxLength = Limits.List, Enum = "outcome")]
    public string? Outcome { get; set; }

    [ParamDoc("Type of the targeted person; comma-separated = any of.", Example = "fugitive-official", MaxItems = Limits.ListItems, MaxLength = Limits.List, Enum = "targetType")]
    public string? TargetType { get; set; }

    [ParamDoc("Inclusive lower date bound: YYYY, YYYY-MM or YYYY-MM-DD. An incident dated only to a year or month matches when that period overlaps the range.", Example = "2016", MaxLength = Limits.DateText)]
    public string? From { get; set; }

    [ParamDoc("Inclusive upper date bound: YYYY, YYYY-MM or YYYY-MM-DD (to=2020 includes all of 2020).", Example = "2020-06", MaxLength = Limits.DateText)]
    public string? To { get; set; }

    internal static string[]? List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The normalised filter: codes as alpha-2, operations expanded to their campaigns.</summary>
    public IncidentFilter ToFilter(Catalog catalog) => new(
        string.IsNullOrWhiteSpace(Q) ? null : SearchText.ToMatch(Q),
        List(Country)?.Select(c => catalog.CountryCode(c)!).Distinct().ToArray(),
        List(OriginCountry)?.Select(c => catalog.CountryCode(c)!).Distinct().ToArray(),
        List(Operation)?.SelectMany(catalog.OperationAndDescendants).Distinct().ToArray(),
        List(Method)?.Distinct().ToArray(),
        List(Outcome)?.Distinct().ToArray(),
        List(TargetType)?.Distinct().ToArray(),
        PartialDate.TryParse(From, out var from) ? from.Start : null,
        PartialDate.TryParse(To, out var to) ? to.End : null);
}

/// <summary>Normalised filters; a null list means "no filter", an empty one "matches nothing".</summary>
public sealed record IncidentFilter(
    string? Match, string[]? Countries, string[]? Origins, string[]? Operations, string[]? Methods,
    string[]? Outcomes, string[]? TargetTypes, DateOnly? From, DateOnly? To)
{
    /// <summary>Equal for filters that match the same incidents: lists are any-of, so their order is normalised away.</summary>
    public string Key => string.Join('|', Match, Join(Countries), Join(Origins), Join(Operations), Join(Methods), Join(Outcomes), Join(TargetTypes), From, To);

    private static string Join(string[]? values) => values is null ? "*" : string.Join(',', values.Order(StringComparer.Ordinal));

    public IncidentFilter WithCountry(string code) => this with { Countries = Countries is null ? [code] : Countries.Intersect([code]).ToArray() };
    public IncidentFilter WithOperations(string[] slugs) => this with { Operations = Operations is null ? slugs : Operations.Intersect(slugs).ToArray() };
}

/// <summary>GET /api/v1/incidents: the filters plus sorting, paging, sparse fields and format.</summary>
public sealed class IncidentQuery : IncidentFilterQuery, IFormatQuery
{
    [ParamDoc("Sort key: date, country, id, or relevance (only with q); a leading '-' means descending. Default -date (relevance when q is given). Ties break by id.", Example = "-date", MaxLength = 20, Enum = "sort")]
    public string? Sort { get; set; }

    [ParamDoc("1-based page number.", Example = "1", Minimum = 1, Maximum = Limits.MaxPage)]
    public QueryInt? Page { get; set; }

    [ParamDoc("Items per page, 1 to 500 (default 50). A larger value is rejected, not clamped.", Example = "50", Minimum = 1, Maximum = Limits.MaxPageSize)]
    public QueryInt? PageSize { get; set; }

    [ParamDoc("Sparse fieldset: comma-separated top-level fields to keep; id is always kept. Applies to JSON, CSV and GeoJSON.", Example = "title,date,hostCountry,sources", MaxItems = Limits.FieldItems, MaxLength = Limits.List, Enum = "field")]
    public string? Fields { get; set; }

    [ParamDoc("Output format; overrides the Accept header (text/csv, application/geo+json). CSV and GeoJSON return all matches, unpaged, as a download.", Example = "json", MaxLength = 10, Enum = "format")]
    public string? Format { get; set; }

    public int Number => Page?.Number ?? 1;
    public int Size => PageSize?.Number ?? Limits.DefaultPageSize;
    public string SortKey => Sort ?? (string.IsNullOrWhiteSpace(Q) ? "-date" : "relevance");
    public string[]? FieldList => List(Fields)?.Append("id").Distinct().ToArray();
}
