using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using IncidentApi.Features.Incidents;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Stats;

public sealed class StatsQuery : IncidentFilterQuery
{
    [ParamDoc("One or two dimensions, comma-separated: year, month, country, originCountry, operation, method, outcome, targetType.", Example = "year,country", MaxItems = 2, MaxLength = 40, Enum = "groupBy")]
    public string? GroupBy { get; set; }

    public string[] Dimensions => List(GroupBy) ?? ["year"];
}

internal sealed class StatsQueryValidator : AbstractValidator<StatsQuery>
{
    public StatsQueryValidator(Catalog catalog)
    {
        Include(new IncidentFilterRules(catalog));
        RuleFor(q => q.GroupBy).MaximumLength(40)
            .Must(g => IncidentFilterQuery.List(g) is not { } d || (d.Length is 1 or 2 && d.Distinct().Count() == d.Length && d.All(StatsStore.Dimensions.ContainsKey)))
            .WithMessage($"Must be one or two distinct dimensions of: {string.Join(", ", StatsStore.Dimensions.Keys)}.");
    }
}

/// <summary>A row per group: the dimension values by name (e.g. "year": 2015) and "count".</summary>
public sealed record StatsDto(IReadOnlyList<string> GroupBy, long TotalIncidents, IReadOnlyList<JsonObject> Rows);

public sealed class StatsStore(Db db)
{
    // Dimension -> SQL expression. Month is null for incidents known only to a year: no fake January spike.
    internal static readonly Dictionary<string, string> Dimensions = new(StringComparer.Ordinal)
    {
        ["year"] = "CAST(substr(i.date_start, 1, 4) AS INTEGER)",
        ["month"] = "CASE WHEN i.date_precision = 'year' THEN NULL ELSE substr(i.date_start, 1, 7) END",
        ["country"] = "i.host_country",
        ["originCountry"] = "i.origin_country",
        ["operation"] = "i.operation",
        ["method"] = "im.method",
        ["outcome"] = "i.outcome",
        ["targetType"] = "i.target_type",
    };

    public StatsDto Count(IncidentFilter filter, string[] dimensions)
    {
        var (from, where, args) = IncidentStore.Build(filter);
        var join = dimensions.Contains("method") ? " JOIN incident_methods AS im ON im.incident = i.seq" : "";
        var columns = string.Join(", ", dimensions.Select((d, n) => $"{Dimensions[d]} AS d{n}"));
        var groups = string.Join(", ", dimensions.Select((_, n) => $"d{n}"));
        var order = string.Join(", ", dimensions.Select((_, n) => $"d{n} IS NULL, d{n}"));
        using var connection = db.Open();
        var total = connection.ExecuteScalar<long>($"SELECT COUNT(*) {from} {where}", args);
        var rows = connection.Query($"SELECT {columns}, COUNT(*) AS count {from}{join} {where} GROUP BY {groups} ORDER BY {order}", args)
            .Select(r =>
            {
                var values = (IDictionary<string, object?>)r;
                var row = new JsonObject();
                for (var n = 0; n < dimensions.Length; n++) row[dimensions[n]] = values[$"d{n}"] switch { long l => JsonValue.Create(l), string t => JsonValue.Create(t), _ => null };
                row["count"] = (long)values["count"]!;
                return row;
            }).ToList();
        return new(dimensions, total, rows);
    }
}

public static class StatsEndpoints
{
    public static void MapStats(this RouteGroupBuilder v1) =>
        v1.MapGroup("/stats").WithTags("Statistics").MapRead("/", Get).WithName("GetStats")
            .WithSummary("Incident counts grouped by one or two dimensions, for dashboards")
            .WithDescription("Takes the same filters as /incidents. totalIncidents counts each matching incident once. " +
                "Counting rule: an incident with two methods counts once under each method, so rows grouped by method can sum to more than totalIncidents; " +
                "for every other dimension the rows sum to totalIncidents. Incidents whose value is unknown (e.g. no host country, or a month for an incident known only to a year) form a row with null.");

    public static Ok<StatsDto> Get([AsParameters] StatsQuery query, StatsStore store, Catalog catalog) =>
        TypedResults.Ok(store.Count(query.ToFilter(catalog), query.Dimensions));
}
