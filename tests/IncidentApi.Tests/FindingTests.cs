using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IncidentApi.Tests;

/// <summary>Search that forgives spelling and script, and errors that say what was meant, over the synthetic seed.</summary>
[Collection("api")]
public sealed class FindingTests(ApiFactory api)
{
    [Theory]
    [InlineData("測試", new[] { "syn-01-ca-2016-sky-net" })]                          // traditional finds the simplified name
    [InlineData("HEARING", new[] { "syn-01-ca-2016-sky-net" })]                       // case and plural folded ("extradition hearings")
    [InlineData("\"extradition hearings\"", new[] { "syn-01-ca-2016-sky-net" })]      // a phrase, in order
    [InlineData("\"hearings extradition\"", new string[0])]
    [InlineData("hearings OR nowhereword", new[] { "syn-01-ca-2016-sky-net" })]       // OR
    [InlineData("hearings nowhereword", new string[0])]                                // words are ANDed
    [InlineData("extrad* hear*", new[] { "syn-01-ca-2016-sky-net" })]                 // prefixes
    public async Task Search_folds_script_case_and_plurals_and_reads_its_syntax(string q, string[] expected) =>
        Assert.Equal(expected, await api.Ids($"/api/v1/incidents?q={Uri.EscapeDataString(q)}&sort=id"));

    [Fact]
    public async Task Sources_are_searchable_but_rank_below_the_record_itself()
    {
        // "supporting" is only in the sources' quotes; every synthetic record has one.
        Assert.Equal(13, await api.Total("/api/v1/incidents?q=supporting"));
        // "extradition" is in syn-01's summary and no source: ranked first among matches of "extradition OR supporting".
        Assert.Equal("syn-01-ca-2016-sky-net", (await api.Ids("/api/v1/incidents?q=extradition%20OR%20supporting"))[0]);
    }

    [Theory]
    [InlineData("/api/v1/incidents?country=UK", "country", "did you mean 'GB'?")]
    [InlineData("/api/v1/incidents?originCountry=Cananda", "originCountry", "did you mean 'CA'?")]
    [InlineData("/api/v1/incidents?operation=skynet", "operation", "did you mean 'sky-net'?")]
    [InlineData("/api/v1/incidents?method=kidnap", "method", "did you mean 'kidnapping'?")]
    [InlineData("/api/v1/incidents?outcome=retruned", "outcome", "did you mean 'returned'?")]
    [InlineData("/api/v1/stats?targetType=dissidents", "targetType", "did you mean 'dissident'?")]
    [InlineData("/api/v1/countries?region=Gulf", "region", "Allowed: Africa, Americas, Antarctic, Asia, Europe, Oceania")]
    public async Task An_unknown_value_is_a_400_that_suggests_what_was_meant(string url, string parameter, string hint)
    {
        var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.Contains(hint, problem!.Errors[parameter].Single());
    }

    [Theory]
    [InlineData("/api/v1/countries/uk", "GB", "/api/v1/countries/GB")]
    [InlineData("/api/v1/countries/uk/incidents", "GB", "/api/v1/countries/GB")]
    [InlineData("/api/v1/operations/skynet", "sky-net", "/api/v1/operations/sky-net")]
    [InlineData("/api/v1/operations/fox_hunt/incidents", "fox-hunt", "/api/v1/operations/fox-hunt")]
    public async Task An_unknown_path_segment_is_a_404_that_suggests_the_closest(string url, string suggestion, string address)
    {
        var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(suggestion, problem.GetProperty("suggestion").GetString());
        Assert.Equal(address, problem.GetProperty("suggestionUrl").GetString());
    }

    [Fact]
    public async Task Incidents_filter_by_the_host_countrys_region_and_subregion()
    {
        Assert.Equal(["syn-04-au-2016-fox-hunt", "syn-13-nz-2025-added-in-2-0"], await api.Ids("/api/v1/incidents?region=oceania&sort=id"));
        Assert.Equal(["syn-13-nz-2025-added-in-2-0"], await api.Ids("/api/v1/incidents?subregion=Australia%20and%20New%20Zealand&country=NZ"));
        Assert.Equal(2, (await api.GetJson("/api/v1/stats?groupBy=region&region=Oceania")).GetProperty("totalIncidents").GetInt32());
    }
}

/// <summary>The spellings journalists type, over the real data.</summary>
public sealed class RealSearchTests(RealDataFactory api) : IClassFixture<RealDataFactory>
{
    private Task<long> Count(string q) => api.Total($"/api/v1/incidents?q={Uri.EscapeDataString(q)}");

    [Theory]
    [InlineData("uighur", "uyghur"), InlineData("Uyghurs", "uyghur"), InlineData("uyghur OR uighur", "uyghur"), InlineData("East Turkistan", "Xinjiang"),
     InlineData("李延賀", "李延贺"), InlineData("qazaq", "kazakh")]
    public async Task Variant_spellings_and_scripts_find_the_same_incidents(string variant, string spelling)
    {
        var expected = await Count(spelling);
        Assert.True(expected > 0, $"nothing found for '{spelling}'");
        Assert.Equal(expected, await Count(variant));
    }

    [Theory]
    [InlineData("猎狐", "fox-hunt"), InlineData("天网", "sky-net"), InlineData("Sky Net", "sky-net")]
    public async Task An_operation_is_found_by_its_chinese_and_english_names(string q, string operation) =>
        Assert.True(await Count(q) >= await api.Total($"/api/v1/incidents?operation={operation}"));
}
