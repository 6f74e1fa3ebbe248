using Dapper;

namespace IncidentApi.Features.Countries;

public sealed class CountryStore(Db db)
{
    internal static readonly Dictionary<string, string> SortSql = new(StringComparer.Ordinal)
    {
        ["name"] = "c.name, c.code", ["-name"] = "c.name DESC, c.code",
        ["incidentCount"] = "incident_count, c.code", ["-incidentCount"] = "incident_count DESC, c.code",
    };

    // incidentCount counts incidents hosted (the country filter of /incidents); originCount those it originated.
    private const string Select = """
        SELECT c.code, c.alpha3, c.name, c.region, c.subregion,
            (SELECT COUNT(*) FROM incidents WHERE host_country = c.code) AS incident_count,
            (SELECT COUNT(*) FROM incidents WHERE origin_country = c.code) AS origin_count
        FROM countries AS c
        """;

    public IReadOnlyList<CountryDto> List(string[]? regions, bool? hasIncidents, string sort)
    {
        var where = new List<string>();
        if (regions is not null) where.Add("c.region COLLATE NOCASE IN @regions");
        if (hasIncidents is { } has) where.Add(has ? "incident_count > 0" : "incident_count = 0");
        var sql = $"SELECT * FROM ({Select}) AS c {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY {SortSql[sort]}";
        using var connection = db.Open();
        return connection.Query<CountryRow>(sql, new { regions }).Select(r => r.ToDto()).ToList();
    }

    public CountryDetailDto? Get(string code)
    {
        using var connection = db.Open();
        var c = connection.QuerySingleOrDefault<CountryRow>($"{Select} WHERE c.code = @code", new { code });
        if (c is null) return null;
        var byYear = connection.Query<YearCount>("""
            SELECT CAST(substr(date_start, 1, 4) AS INTEGER) AS year, COUNT(*) AS count FROM incidents
            WHERE host_country = @code GROUP BY year ORDER BY year
            """, new { code }).ToList();
        var byOperation = connection.Query<SlugCount>("""
            SELECT o.slug, o.name, COUNT(*) AS count FROM incidents AS i JOIN operations AS o ON o.slug = i.operation
            WHERE i.host_country = @code GROUP BY o.slug ORDER BY count DESC, o.slug
            """, new { code }).ToList();
        var byMethod = connection.Query<SlugCount>("""
            SELECT m.slug, m.name, COUNT(*) AS count FROM incidents AS i
            JOIN incident_methods AS im ON im.incident = i.seq JOIN methods AS m ON m.slug = im.method
            WHERE i.host_country = @code GROUP BY m.slug ORDER BY count DESC, m.slug
            """, new { code }).ToList();
        return new(c.Code, c.Alpha3, c.Name, c.Region, c.Subregion, c.IncidentCount, c.OriginCount, byYear, byOperation, byMethod);
    }

    private sealed class CountryRow
    {
        public string Code { get; init; } = "";
        public string Alpha3 { get; init; } = "";
        public string Name { get; init; } = "";
        public string Region { get; init; } = "";
        public string? Subregion { get; init; }
        public long IncidentCount { get; init; }
        public long OriginCount { get; init; }
        public CountryDto ToDto() => new(Code, Alpha3, Name, Region, Subregion, IncidentCount, OriginCount);
    }
}
