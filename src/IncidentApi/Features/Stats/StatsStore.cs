using System.Text.Json.Nodes;
using Dapper;
using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Stats;

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
        var (from, where, args) = filter.ToSql();
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
