using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;

namespace IncidentApi.Tests;

[Collection("api")]
public sealed class IncidentListTests(ApiFactory api)
{
    private const int SeedIncidents = 13;

    [Fact]
    public async Task First_page_has_the_envelope_and_a_Link_header()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/incidents?pageSize=5");
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var page = body.GetProperty("page");
        Assert.Equal(1, page.GetProperty("number").GetInt32());
        Assert.Equal(5, page.GetProperty("size").GetInt32());
        Assert.Equal(SeedIncidents, page.GetProperty("totalItems").GetInt32());
        Assert.Equal(3, page.GetProperty("totalPages").GetInt32());
        Assert.Equal(5, body.GetProperty("data").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("links").GetProperty("prev").ValueKind);
        Assert.Contains("page=2", body.GetProperty("links").GetProperty("next").GetString());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", link);
        Assert.Contains("rel=\"last\"", link);
        Assert.DoesNotContain("rel=\"prev\"", link);
    }

    [Fact]
    public async Task Default_order_is_newest_first()
    {
        var ids = await api.Ids("/api/v1/incidents?pageSize=2");
        Assert.Equal(["syn-13-nz-2025-added-in-2-0", "syn-02-ca-2021-sky-net-2021"], ids);
    }

    [Theory]
    [InlineData("date"), InlineData("-date"), InlineData("country"), InlineData("-country"), InlineData("id"), InlineData("-id")]
    public async Task Walking_every_page_yields_each_match_exactly_once(string sort)
    {
        var seen = new List<string>();
        for (var page = 1; page <= 5; page++) seen.AddRange(await api.Ids($"/api/v1/incidents?sort={sort}&pageSize=5&page={page}"));
        Assert.Equal(SeedIncidents, seen.Count);
        Assert.Equal(SeedIncidents, seen.Distinct().Count());
    }

    [Fact]
    public async Task Ties_break_by_id()
    {
        // syn-11 and syn-12 share a date.
        var ids = await api.Ids("/api/v1/incidents?country=DE&sort=-date");
        Assert.Equal(["syn-11-de-2017", "syn-12-de-2017", "syn-10-de-2017", "syn-09-de-2017"], ids);
    }

    [Theory]
    [InlineData("CA"), InlineData("ca"), InlineData("CAN"), InlineData("can")]
    public async Task Country_accepts_alpha2_or_alpha3_in_any_case(string code) =>
        Assert.Equal(4, await api.Total($"/api/v1/incidents?country={code}"));

    [Fact]
    public async Task A_comma_list_is_any_of_and_filters_combine_with_and()
    {
        Assert.Equal(5, await api.Total("/api/v1/incidents?country=CA,AU"));
        Assert.Equal(4, await api.Total("/api/v1/incidents?country=CA,AU&originCountry=CN"));
        Assert.Equal(2, await api.Total("/api/v1/incidents?country=CA,AU&originCountry=CN&outcome=returned&targetType=fugitive-official,businessperson&method=family-pressure,interpol-red-notice"));
    }

    [Fact]
    public async Task A_parent_operation_includes_its_campaigns()
    {
        var ids = await api.Ids("/api/v1/incidents?operation=sky-net&sort=id");
        Assert.Equal(["syn-01-ca-2016-sky-net", "syn-02-ca-2021-sky-net-2021", "syn-03-ca-2015-sky-net", "syn-06-unknown-host-2019"], ids);
        Assert.Equal(["syn-02-ca-2021-sky-net-2021"], await api.Ids("/api/v1/incidents?operation=sky-net-2021"));
    }

    [Fact]
    public async Task Every_sky_net_case_in_Canada_since_2016_with_sources_in_one_url()
    {
        var body = await api.GetJson("/api/v1/incidents?operation=sky-net&country=CA&from=2016");
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["syn-02-ca-2021-sky-net-2021", "syn-01-ca-2016-sky-net"], data.Select(d => d.GetProperty("id").GetString()));
        Assert.All(data, d => Assert.StartsWith("https://example.org/", d.GetProperty("sources")[0].GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Partial_dates_match_when_their_period_overlaps_the_range()
    {
        Assert.Contains("syn-04-au-2016-fox-hunt", await api.Ids("/api/v1/incidents?from=2016&to=2016"));   // 2016-05
        Assert.DoesNotContain("syn-03-ca-2015-sky-net", await api.Ids("/api/v1/incidents?from=2016"));        // 2015
        Assert.Contains("syn-03-ca-2015-sky-net", await api.Ids("/api/v1/incidents?from=2015-06&to=2015-06")); // year 2015 overlaps June
        Assert.Equal(["syn-01-ca-2016-sky-net"], await api.Ids("/api/v1/incidents?from=2016-11-16&to=2016-11-16"));
    }

    [Fact]
    public async Task Unknown_host_country_counts_in_totals_but_never_matches_a_country_filter()
    {
        Assert.Contains("syn-06-unknown-host-2019", await api.Ids("/api/v1/incidents?pageSize=500"));
        var all = await api.GetJson("/api/v1/countries?hasIncidents=true");
        var codes = string.Join(',', all.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.DoesNotContain("syn-06-unknown-host-2019", await api.Ids($"/api/v1/incidents?country={codes}&pageSize=500"));
    }

    [Fact]
    public async Task A_two_character_Chinese_name_finds_its_incident() =>
        Assert.Equal(["syn-01-ca-2016-sky-net"], await api.Ids("/api/v1/incidents?q=测试"));

    [Theory]
    [InlineData("Synthetic Person 00005", "syn-05-us-2020-fox-hunt")]
    [InlineData("extradit", "syn-01-ca-2016-sky-net")]          // a Latin word matches as a prefix
    [InlineData("synthetic city", "syn-01-ca-2016-sky-net")]     // places
    public async Task Q_searches_names_summaries_and_places(string q, string expected) =>
        Assert.Contains(expected, await api.Ids($"/api/v1/incidents?q={Uri.EscapeDataString(q)}"));

    [Theory]
    [InlineData("\""), InlineData("'"), InlineData("a OR b"), InlineData("NEAR(a b)"), InlineData("title:x"), InlineData("*"),
     InlineData("'; DROP TABLE incidents; --"), InlineData("\") OR 1=1 --"), InlineData("^a"), InlineData("(((")]
    public async Task Fts_syntax_and_sql_in_q_give_results_or_a_400_never_a_500(string q)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/incidents?q={Uri.EscapeDataString(q)}");
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
    }

    [Fact]
    public async Task Relevance_sort_ranks_by_match_quality()
    {
        var ids = await api.Ids("/api/v1/incidents?q=synthetic+extradition&sort=relevance");
        Assert.Equal("syn-01-ca-2016-sky-net", ids[0]);
    }

    [Fact]
    public async Task Sparse_fields_keep_only_what_is_asked_and_the_id()
    {
        var body = await api.GetJson("/api/v1/incidents?fields=title,hostCountry&pageSize=1");
        var item = body.GetProperty("data")[0];
        Assert.Equal(["hostCountry", "id", "title"], item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Page_size_over_500_is_rejected_not_clamped()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/incidents?pageSize=501");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Contains("500", problem!.Errors["pageSize"].Single());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize"), InlineData("pageSize=abc", "pageSize"), InlineData("page=0", "page"), InlineData("page=-1", "page"),
     InlineData("from=2016-13", "from"), InlineData("to=2016-02-30", "to"), InlineData("from=2020&to=2016", "from"),
     InlineData("from=%D9%A2%D9%A0%D9%A1%D9%A6", "from"), InlineData("to=2016%0A", "to"),   // Arabic-Indic digits; a trailing newline
     InlineData("country=XX", "country"), InlineData("originCountry=ZZZ", "originCountry"), InlineData("operation=nope", "operation"),
     InlineData("method=nope", "method"), InlineData("outcome=nope", "outcome"), InlineData("targetType=nope", "targetType"),
     InlineData("sort=title", "sort"), InlineData("sort=relevance", "sort"), InlineData("fields=password", "fields"), InlineData("format=xml", "format")]
    public async Task A_bad_value_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/incidents?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey(parameter), string.Join(", ", problem.Errors.Keys));
    }

    [Fact]
    public async Task Misspelled_parameter_is_rejected_with_a_suggestion()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/incidents?contry=CA");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Contains("'country'", problem!.Errors["contry"].Single());
    }

    [Fact]
    public async Task Overlong_and_overfull_values_are_rejected()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/incidents?q=" + new string('a', 201))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/incidents?country=" + string.Join(',', Enumerable.Repeat("CA", 21)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/incidents?fields=" + string.Join(',', Enumerable.Repeat("id", 31)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/countries?region=" + string.Join(',', Enumerable.Repeat("Asia", 21)))).StatusCode);
    }
}
