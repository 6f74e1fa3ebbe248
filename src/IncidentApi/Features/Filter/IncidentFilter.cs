using Dapper;
using IncidentApi.DataBuild;

namespace IncidentApi.Features.Filter;

/// <summary>
/// A normalised incident filter (see <see cref="IncidentFilterQuery.ToFilter"/>) and the SQL that applies it. A null
/// list means "no filter", an empty one "matches nothing". With Stated, only what the sources state counts: a value
/// listed in an incident's inferred counts as unknown, for filters and stats alike.
/// </summary>
public sealed record IncidentFilter(
    string? Match, string[]? Countries, string[]? Origins, string[]? Operations, string[]? Methods,
    string[]? Outcomes, string[]? TargetTypes, string[]? Attributions, string[]? Confidences, DateOnly? From, DateOnly? To,
    bool Stated)
{
    /// <summary>Equal for filters that match the same incidents: lists are any-of, so their order is normalised away.</summary>
    public string Key => string.Join('|', Match, Join(Countries), Join(Origins), Join(Operations), Join(Methods), Join(Outcomes),
        Join(TargetTypes), Join(Attributions), Join(Confidences), From, To, Stated);

    private static string Join(string[]? values) => values is null ? "*" : string.Join(',', values.Order(StringComparer.Ordinal));

    public IncidentFilter WithCountry(string code) => this with { Countries = Countries is null ? [code] : Countries.Intersect([code]).ToArray() };
    public IncidentFilter WithOperations(string[] slugs) => this with { Operations = Operations is null ? slugs : Operations.Intersect(slugs).ToArray() };

    /// <summary>FROM (joined to the full-text match when there is one, as <c>s</c> with its <c>rank</c>), WHERE and its parameters; fixed SQL fragments only.</summary>
    public (string From, string Where, DynamicParameters Args) ToSql()
    {
        var (where, args) = (new List<string>(), new DynamicParameters());
        var from = "FROM incidents AS i";
        if (Match is not null)
        {
            // bm25 weights: title, summary, names, places. Lower rank = better match.
            from += " JOIN (SELECT rowid AS seq, bm25(incident_search, 5.0, 1.0, 5.0, 2.0) AS rank FROM incident_search WHERE incident_search MATCH @match) AS s ON s.seq = i.seq";
            args.Add("match", Match);
        }
        // With stated=true a filter on a field matches only incidents whose value for it is not inferred.
        string Stated(string field) => this.Stated ? $" AND NOT EXISTS (SELECT 1 FROM incident_inferred AS f WHERE f.incident = i.seq AND f.field = '{field}')" : "";
        void In(string column, string name, string[]? values, string? field = null)
        {
            if (values is null) return;
            where.Add($"{column} IN @{name}" + (field is null ? "" : Stated(field)));
            args.Add(name, values);
        }
        In("i.host_country", "countries", Countries, "hostCountry");
        In("i.origin_country", "origins", Origins, "originCountry");
        In("i.operation", "operations", Operations, "operation");
        In("i.outcome", "outcomes", Outcomes, "outcome");
        In("i.attribution", "attributions", Attributions);
        In("i.confidence", "confidences", Confidences);
        if (TargetTypes is not null)
        {
            where.Add("i.seq IN (SELECT incident FROM incident_targets WHERE type IN @targetTypes)" + Stated("targets.type"));
            args.Add("targetTypes", TargetTypes);
        }
        if (Methods is not null)
        {
            where.Add("i.seq IN (SELECT m.incident FROM incident_methods AS m WHERE m.method IN @methods" + (this.Stated
                ? " AND NOT EXISTS (SELECT 1 FROM incident_inferred AS f WHERE f.incident = m.incident AND f.field = 'methods.' || m.method))" : ")"));
            args.Add("methods", Methods);
        }
        // Partial dates are periods: an incident matches when its period overlaps [from, to].
        if (From is { } start) { where.Add("i.date_end >= @from" + Stated("date")); args.Add("from", PartialDate.Iso(start)); }
        if (To is { } end) { where.Add("i.date_start <= @to" + Stated("date")); args.Add("to", PartialDate.Iso(end)); }
        return (from, where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), args);
    }
}
