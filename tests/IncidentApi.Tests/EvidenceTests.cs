using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IncidentApi.Tests;

/// <summary>Codebook v2 in the API: who is named, how many, how the state's role is known, and what was read in.</summary>
[Collection("api")]
public sealed class EvidenceTests(ApiFactory api)
{
    private const string Group = "syn-13-nz-2025-added-in-2-0";

    [Fact]
    public async Task An_incident_shows_its_targets_people_attribution_inferred_fields_and_source_kinds()
    {
        var i = await api.GetJson($"/api/v1/incidents/{Group}");
        Assert.Equal(3, i.GetProperty("people").GetInt32());
        var target = Assert.Single(i.GetProperty("targets").EnumerateArray());
        Assert.Equal("Synthetic Person 00013", target.GetProperty("name").GetString());
        Assert.Equal("合成十三", target.GetProperty("nameZh").GetString());
        Assert.Equal("acknowledged", i.GetProperty("attribution").GetString());
        Assert.Equal(["methods.persuade-to-return", "operation"], i.GetProperty("inferred").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("origin-state", i.GetProperty("sources")[0].GetProperty("kind").GetString());
        // v1's single target stays, as the first of targets, for published clients.
        Assert.Equal(target.GetRawText(), i.GetProperty("target").GetRawText());
    }

    [Fact]
    public async Task A_withdrawn_id_is_410_gone_naming_its_replacement_and_an_unknown_id_404()
    {
        var gone = await api.CreateClient().GetAsync("/api/v1/incidents/syn-00-merged-in-2-0");
        await ErrorStatusTests.AssertProblem(gone, 410);
        var problem = await gone.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Group, problem.GetProperty("replacedBy").GetString());
        Assert.Equal("2.0", problem.GetProperty("release").GetString());
        // Sentences, whether or not the reason ends with a full stop.
        Assert.Matches($@"^Incident 'syn-00-merged-in-2-0' was withdrawn in release 2\.0 \([0-9-]+\): [^.]+\. It is now part of '{Group}'\.$",
            problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/incidents/syn-99-never")).StatusCode);
    }

    [Theory]
    [InlineData("attribution=acknowledged", new[] { Group })]
    [InlineData("confidence=medium", new[] { Group })]
    [InlineData("operation=fox-hunt&sort=id", new[] { "syn-04-au-2016-fox-hunt", "syn-05-us-2020-fox-hunt", Group })]
    [InlineData("operation=fox-hunt&sort=id&stated=true", new[] { "syn-04-au-2016-fox-hunt", "syn-05-us-2020-fox-hunt" })]
    [InlineData("method=persuade-to-return&stated=true&sort=id", new[] { "syn-01-ca-2016-sky-net", "syn-06-unknown-host-2019" })]
    [InlineData("targetType=businessperson&country=NZ", new[] { Group })]
    public async Task The_evidence_filters_select_what_they_say(string query, string[] expected)
    {
        var ids = await api.Ids($"/api/v1/incidents?{query}");
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Without_stated_an_inferred_method_counts_like_a_stated_one()
    {
        var ids = await api.Ids("/api/v1/incidents?method=persuade-to-return&sort=id");
        Assert.Contains(Group, ids);
        Assert.Contains("syn-01-ca-2016-sky-net", ids);
    }

    [Fact]
    public async Task Stats_count_people_as_well_as_incidents()
    {
        var stats = await api.GetJson("/api/v1/stats?groupBy=country&measure=people");
        Assert.Equal("people", stats.GetProperty("measure").GetString());
        Assert.Equal(12 + 3, stats.GetProperty("totalPeople").GetInt32());
        var nz = stats.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("country").GetString() == "NZ");
        Assert.Equal(3, nz.GetProperty("count").GetInt32());
        Assert.Equal(1, nz.GetProperty("incidents").GetInt32());
        Assert.Equal(stats.GetProperty("totalPeople").GetInt32(), stats.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task With_stated_an_inferred_value_is_counted_as_unknown()
    {
        async Task<int> FoxHunt(string extra) => (await api.GetJson($"/api/v1/stats?groupBy=operation{extra}")).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("operation").GetString() == "fox-hunt").Sum(r => r.GetProperty("count").GetInt32());
        Assert.Equal(3, await FoxHunt(""));
        Assert.Equal(2, await FoxHunt("&stated=true"));
        var attribution = await api.GetJson("/api/v1/stats?groupBy=attribution");
        Assert.Equal(13, attribution.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()));
    }
}
