using System.Net;
using System.Text.RegularExpressions;
using IncidentApi.Features.Countries;
using IncidentApi.Features.Incidents;
using IncidentApi.Features.Stats;
using IncidentApi.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentApi.Tests;

/// <summary>A host over a database built from (a copy of) the real data/, for what the README promises about it.</summary>
public sealed class RealDataFactory() : ApiFactory(TestSeed.BuildDatabase(TestSeed.CopyOfRealData()));

public sealed partial class DocsTests(RealDataFactory api) : IClassFixture<RealDataFactory>
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestSeed.RepoRoot, "README.md"));

    [GeneratedRegex(@"curl '(http://localhost:5080)?(?<path>/[^']+)'")]
    private static partial Regex CurlUrl();

    [Fact]
    public async Task Every_readme_example_answers_200_on_the_real_data()
    {
        var urls = CurlUrl().Matches(Readme).Select(m => m.Groups["path"].Value).ToList();
        Assert.True(urls.Count >= 10, $"{urls.Count} examples found");
        var client = api.CreateClient();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_journalists_question_has_an_answer_with_sources()
    {
        var body = await api.GetJson("/api/v1/incidents?operation=sky-net&country=CA&from=2016");
        Assert.All(body.GetProperty("data").EnumerateArray(), i => Assert.NotEmpty(i.GetProperty("sources").EnumerateArray()));
    }

    [Fact]
    public void Every_route_and_query_parameter_is_in_the_readme()
    {
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) || r.StartsWith("/health/", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Contains($"`GET {r}`", Readme.Replace("`, `GET ", "`\n`GET ")));
        var parameters = new[] { typeof(IncidentQuery), typeof(StatsQuery), typeof(CountryQuery) }
            .SelectMany(t => t.GetProperties().Where(p => p.CanWrite)).Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Distinct();
        Assert.All(parameters, p => Assert.Contains($"`{p}`", Readme));
    }
}
