using System.Net;
using System.Text.Json;

namespace IncidentApi.Tests;

[Collection("api")]
public sealed class IncidentGetTests(ApiFactory api)
{
    [Fact]
    public async Task One_incident_comes_with_every_source_and_its_shape()
    {
        var i = await api.GetJson("/api/v1/incidents/syn-01-ca-2016-sky-net");
        Assert.Equal("2016-11-16", i.GetProperty("date").GetString());
        Assert.Equal("day", i.GetProperty("datePrecision").GetString());
        Assert.Equal("sky-net", i.GetProperty("operation").GetProperty("slug").GetString());
        Assert.Equal("China", i.GetProperty("originCountry").GetProperty("name").GetString());
        Assert.Equal("CA", i.GetProperty("hostCountry").GetProperty("code").GetString());
        Assert.Equal("测试", i.GetProperty("target").GetProperty("nameZh").GetString());
        Assert.Equal(["family-pressure", "persuade-to-return"], i.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        var source = i.GetProperty("sources").EnumerateArray().Single();
        Assert.Equal("https://example.org/synthetic/01", source.GetProperty("url").GetString());
        Assert.False(string.IsNullOrEmpty(source.GetProperty("quote").GetString()));
    }

    [Fact]
    public async Task Unknown_facts_are_null_not_missing()
    {
        var i = await api.GetJson("/api/v1/incidents/syn-06-unknown-host-2019");
        Assert.Equal(JsonValueKind.Null, i.GetProperty("hostCountry").ValueKind);
        Assert.Equal(JsonValueKind.Null, i.GetProperty("location").ValueKind);
        Assert.Equal(JsonValueKind.Null, i.GetProperty("target").GetProperty("nameZh").ValueKind);
    }

    [Fact]
    public async Task Unknown_id_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/incidents/no-such-incident");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

[Collection("api")]
public sealed class CountryTests(ApiFactory api)
{
    [Fact]
    public async Task Lists_every_country_with_codes_region_and_counts()
    {
        var all = (await api.GetJson("/api/v1/countries")).EnumerateArray().ToList();
        Assert.True(all.Count >= 249, $"{all.Count} countries");
        var ca = all.Single(c => c.GetProperty("code").GetString() == "CA");
        Assert.Equal("CAN", ca.GetProperty("alpha3").GetString());
        Assert.Equal("Americas", ca.GetProperty("region").GetString());
        Assert.Equal(4, ca.GetProperty("incidentCount").GetInt32());
        Assert.Contains(all, c => c.GetProperty("code").GetString() == "XK");
        Assert.Contains(all, c => c.GetProperty("code").GetString() == "HK");
    }

    [Fact]
    public async Task Each_country_incident_count_equals_the_incidents_total_for_it()
    {
        foreach (var c in (await api.GetJson("/api/v1/countries?hasIncidents=true")).EnumerateArray())
        {
            var code = c.GetProperty("code").GetString();
            Assert.Equal(c.GetProperty("incidentCount").GetInt64(), await api.Total($"/api/v1/incidents?country={code}"));
            Assert.Equal(c.GetProperty("incidentCount").GetInt64(), await api.Total($"/api/v1/countries/{code}/incidents"));
        }
    }

    [Fact]
    public async Task Filters_and_sorts()
    {
        var top = (await api.GetJson("/api/v1/countries?sort=-incidentCount")).EnumerateArray().First();
        Assert.Equal("CA", top.GetProperty("code").GetString());
        var europe = (await api.GetJson("/api/v1/countries?region=europe&hasIncidents=true")).EnumerateArray().Select(c => c.GetProperty("code").GetString());
        Assert.Equal(["DE", "GB"], europe.Order());
        Assert.DoesNotContain((await api.GetJson("/api/v1/countries?hasIncidents=false")).EnumerateArray(), c => c.GetProperty("code").GetString() == "CA");
    }

    [Fact]
    public async Task One_country_by_alpha3_has_counts_by_year_operation_and_method()
    {
        var ca = await api.GetJson("/api/v1/countries/can");
        Assert.Equal("CA", ca.GetProperty("code").GetString());
        Assert.Equal(4, ca.GetProperty("byYear").EnumerateArray().Sum(y => y.GetProperty("count").GetInt32()));
        Assert.Contains(ca.GetProperty("byOperation").EnumerateArray(), o => o.GetProperty("slug").GetString() == "sky-net-2021");
        Assert.Contains(ca.GetProperty("byMethod").EnumerateArray(), o => o.GetProperty("slug").GetString() == "kidnapping");
    }

    [Fact]
    public async Task Every_country_answers_including_those_with_no_incidents()
    {
        var client = api.CreateClient();
        foreach (var c in (await api.GetJson("/api/v1/countries")).EnumerateArray())
        {
            var code = c.GetProperty("code").GetString();
            var response = await client.GetAsync($"/api/v1/countries/{code}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{code}: {(int)response.StatusCode}");
        }
        var none = await api.GetJson("/api/v1/countries/CN");   // an origin, never a host, in the test seed
        Assert.Empty(none.GetProperty("byYear").EnumerateArray());
        Assert.Equal(11, none.GetProperty("originCount").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/countries/XX"), InlineData("/api/v1/countries/XX/incidents"), InlineData("/api/v1/countries/TOOLONG")]
    public async Task Unknown_country_is_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync(url)).StatusCode);

    [Theory]
    [InlineData("region=Atlantis"), InlineData("hasIncidents=maybe"), InlineData("sort=size")]
    public async Task Bad_values_are_400(string query) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().GetAsync($"/api/v1/countries?{query}")).StatusCode);
}

[Collection("api")]
public sealed class OperationTests(ApiFactory api)
{
    [Fact]
    public async Task Lists_operations_with_parents_and_counts_that_include_campaigns()
    {
        var ops = (await api.GetJson("/api/v1/operations")).EnumerateArray().ToDictionary(o => o.GetProperty("slug").GetString()!);
        Assert.Equal("sky-net", ops["sky-net-2021"].GetProperty("parent").GetString());
        Assert.Equal("2021-02-24", ops["sky-net-2021"].GetProperty("launched").GetString());
        Assert.Equal(4, ops["sky-net"].GetProperty("incidentCount").GetInt32());
        Assert.Equal(1, ops["sky-net-2021"].GetProperty("incidentCount").GetInt32());
        Assert.Equal("猎狐", ops["fox-hunt"].GetProperty("nameZh").GetString());
    }

    [Fact]
    public async Task Each_operations_incidents_equal_the_operation_filter()
    {
        foreach (var op in (await api.GetJson("/api/v1/operations")).EnumerateArray())
        {
            var slug = op.GetProperty("slug").GetString();
            var sub = await api.Ids($"/api/v1/operations/{slug}/incidents?pageSize=500");
            Assert.Equal(await api.Ids($"/api/v1/incidents?operation={slug}&pageSize=500"), sub);
            Assert.Equal(op.GetProperty("incidentCount").GetInt32(), sub.Length);
        }
    }

    [Fact]
    public async Task One_operation_has_official_claims_with_sources_and_its_campaigns()
    {
        var op = await api.GetJson("/api/v1/operations/sky-net");
        var claim = op.GetProperty("officialClaims")[0];
        Assert.True(claim.GetProperty("figure").GetInt64() > 0);
        Assert.StartsWith("http", claim.GetProperty("url").GetString());
        Assert.Contains("sky-net-2021", op.GetProperty("campaigns").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEmpty(op.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Every_operation_answers_including_those_without_claims_or_incidents()
    {
        foreach (var op in (await api.GetJson("/api/v1/operations")).EnumerateArray())
            await api.GetJson($"/api/v1/operations/{op.GetProperty("slug").GetString()}");
    }

    [Fact]
    public async Task Unknown_operation_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/operations/nope")).StatusCode);
}

[Collection("api")]
public sealed class MethodTests(ApiFactory api)
{
    [Fact]
    public async Task The_taxonomy_has_definitions_sources_and_counts()
    {
        var methods = (await api.GetJson("/api/v1/methods")).EnumerateArray().ToDictionary(m => m.GetProperty("slug").GetString()!);
        Assert.Equal(5, methods["malware"].GetProperty("incidentCount").GetInt32() + 1);   // syn-09..12
        Assert.Equal(3, methods["surveillance"].GetProperty("incidentCount").GetInt32() + 1);
        Assert.All(methods.Values, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("definition").GetString())));
    }
}

[Collection("api")]
public sealed class StatsTests(ApiFactory api)
{
    [Theory]
    [InlineData("year"), InlineData("month"), InlineData("country"), InlineData("originCountry"), InlineData("operation"), InlineData("outcome"),
     InlineData("targetType"), InlineData("year,country"), InlineData("country,outcome")]
    public async Task Rows_sum_to_the_filtered_total(string groupBy)
    {
        foreach (var filter in new[] { "", "&originCountry=CN", "&from=2016&to=2019" })
        {
            var stats = await api.GetJson($"/api/v1/stats?groupBy={groupBy}{filter}");
            var total = await api.Total($"/api/v1/incidents?pageSize=1{filter}");
            Assert.Equal(total, stats.GetProperty("totalIncidents").GetInt64());
            Assert.Equal(total, stats.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("count").GetInt64()));
        }
    }

    [Fact]
    public async Task An_incident_with_two_methods_counts_once_under_each()
    {
        var stats = await api.GetJson("/api/v1/stats?groupBy=method&country=US");
        Assert.Equal(1, stats.GetProperty("totalIncidents").GetInt32());
        Assert.Equal(3, stats.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Year_rows_carry_the_year_and_count()
    {
        var rows = (await api.GetJson("/api/v1/stats?groupBy=year")).GetProperty("rows").EnumerateArray().ToList();
        var y2017 = rows.Single(r => r.GetProperty("year").GetInt32() == 2017);
        Assert.Equal(4, y2017.GetProperty("count").GetInt32());
        Assert.Equal(rows.Select(r => r.GetProperty("year").GetInt32()).Order(), rows.Select(r => r.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task A_month_is_unknown_for_an_incident_known_only_to_a_year()
    {
        var rows = (await api.GetJson("/api/v1/stats?groupBy=month&country=CA")).GetProperty("rows").EnumerateArray();
        Assert.Contains(rows, r => r.GetProperty("month").ValueKind == JsonValueKind.Null && r.GetProperty("count").GetInt32() == 1);
    }

    [Theory]
    [InlineData("groupBy=color"), InlineData("groupBy=year,country,method"), InlineData("groupBy=year,year"), InlineData("country=XX")]
    public async Task Bad_groupings_are_400(string query) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().GetAsync($"/api/v1/stats?{query}")).StatusCode);
}

[Collection("api")]
public sealed class DatasetTests(ApiFactory api)
{
    [Fact]
    public async Task Dataset_gives_version_counts_coverage_license_and_citation()
    {
        var d = await api.GetJson("/api/v1/dataset");
        var version = d.GetProperty("version").GetString()!;
        Assert.Equal(16, version.Length);
        Assert.Equal(13, d.GetProperty("counts").GetProperty("incidents").GetInt32());
        Assert.Equal(6, d.GetProperty("counts").GetProperty("hostCountries").GetInt32());
        Assert.Equal("2015-01-01", d.GetProperty("coverage").GetProperty("from").GetString());
        Assert.Equal("2025-05-31", d.GetProperty("coverage").GetProperty("to").GetString());
        Assert.Contains(version, d.GetProperty("citation").GetString());
        Assert.False(string.IsNullOrEmpty(d.GetProperty("license").GetString()));
    }

    [Fact]
    public async Task Headline_figures_come_with_their_source_and_quote()
    {
        var figures = (await api.GetJson("/api/v1/dataset")).GetProperty("figures").EnumerateArray().ToList();
        var freedomHouse = figures.Single(f => f.GetProperty("key").GetString() == "fh-2021-physical-incidents");
        Assert.Equal(608, freedomHouse.GetProperty("figure").GetInt32());
        Assert.Contains("608", freedomHouse.GetProperty("quote").GetString());
        Assert.All(figures, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("quote").GetString())));
        Assert.All(figures.Where(f => f.GetProperty("url").ValueKind == JsonValueKind.Null),
            f => Assert.False(string.IsNullOrEmpty(f.GetProperty("notes").GetString())));
    }
}

[Collection("api")]
public sealed class HealthTests(ApiFactory api)
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_holds_incidents()
    {
        Assert.Equal("live", (await api.GetJson("/health/live")).GetProperty("status").GetString());
        var ready = await api.GetJson("/health/ready");
        Assert.Equal(13, ready.GetProperty("incidents").GetInt32());
    }
}
