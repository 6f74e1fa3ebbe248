using System.Text.Json.Nodes;
using Dapper;
using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Stats;

public sealed class StatsStore(Db db)
{
    /// <summary>A dimension's SQL value, the join it needs, and the inferred field that makes its value unknown under stated=true.</summary>
    internal sealed record Dimension(string Sql, string? Join = null, string? Inferred = null);

    // Month is null for incidents known only to a year: no fake January spike. Methods and target types can be several
    // per incident: an incident counts once under each.
    internal static readonly Dictionary<string, Dimension> Dimensions = new(StringComparer.Ordinal)
    {
        ["year"] = new("CAST(substr(i.date_start, 1, 4) AS INTEGER)", Inferred: "'date'"),
        ["month"] = new("CASE WHEN i.date_precision = 'year' THEN NULL ELSE substr(i.date_start, 1, 7) END", Inferred: "'date'"),
        ["country"] = new("i.host_country", Inferred: "'hostCountry'"),
        ["originCountry"] = new("i.origin_country", Inferred: "'originCountry'"),
        ["operation"] = new("i.operation", Inferred: "'operation'"),
        ["method"] = new("im.method", "JOIN incident_methods AS im ON im.incident = i.seq", "'methods.' || im.method"),
        ["outcome"] = new("i.outcome", Inferred: "'outcome'"),
        ["targetType"] = new("it.type", "LEFT JOIN incident_targets AS it ON it.incident = i.seq", "'targets.type'"),
        ["attribution"] = new("i.attribution"),
        ["confidence"] = new("i.confidence"),
    };

    public StatsDto Count(IncidentFilter filter, string[] dimensions, string measure)
    {
        var (from, where, args) = filter.ToSql();
        string Value(string name)
        {
            var d = Dimensions[name];
            return filter.Stated && d.Inferred is { } field
                ? $"CASE WHEN EXISTS (SELECT 1 FROM incident_inferred AS f WHERE f.incident = i.seq AND f.field = {field}) THEN NULL ELSE {d.Sql} END"
                : d.Sql;
        }
        var joins = string.Join(' ', dimensions.Select(d => Dimensions[d].Join).OfType<string>());
        var columns = string.Join(", ", dimensions.Select((d, n) => $"{Value(d)} AS d{n}"));
        var groups = string.Join(", ", dimensions.Select((_, n) => $"d{n}"));
        var order = string.Join(", ", dimensions.Select((_, n) => $"d{n} IS NULL, d{n}"));
        using var connection = db.Open();
        var totals = connection.QuerySingle<(long Incidents, long People, long Unknown)>(
            $"SELECT COUNT(*), COALESCE(SUM(i.people), 0), COALESCE(SUM(i.people IS NULL), 0) {from} {where}", args);
        // DISTINCT first: an incident counts once per group even when two of its targets share a type.
        var rows = connection.Query($"""
            SELECT {groups}, COUNT(*) AS incidents, COALESCE(SUM(people), 0) AS people, COALESCE(SUM(people IS NULL), 0) AS people_unknown
            FROM (SELECT DISTINCT {columns}, i.seq, i.people {from} {joins} {where}) GROUP BY {groups} ORDER BY {order}
            """, args)
            .Select(r =>
            {
                var values = (IDictionary<string, object?>)r;
                var row = new JsonObject();
                for (var n = 0; n < dimensions.Length; n++) row[dimensions[n]] = values[$"d{n}"] switch { long l => JsonValue.Create(l), string t => JsonValue.Create(t), _ => null };
                var (incidents, people) = ((long)values["incidents"]!, (long)values["people"]!);
                row["count"] = measure == "people" ? people : incidents;
                row["incidents"] = incidents;
                row["people"] = people;
                row["peopleUnknown"] = (long)values["people_unknown"]!;
                return row;
            }).ToList();
        return new(dimensions, totals.Incidents, rows, measure, totals.People, totals.Unknown);
    }
}
