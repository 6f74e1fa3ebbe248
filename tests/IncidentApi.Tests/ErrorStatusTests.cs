using System.Net;
using System.Text.Json;
using IncidentApi.Testing;

namespace IncidentApi.Tests;

/// <summary>Every error status is an RFC 9457 problem, whatever the request's Accept header asks for.</summary>
public sealed class ErrorStatusTests(KestrelFactory api) : IClassFixture<KestrelFactory>
{
    // Media types a client may accept that the API cannot produce for an error, and some it can.
    public static readonly string[] Accepts = ["text/csv", "application/xml", "text/html", "image/png", "application/geo+json", "*/*", "application/json"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var status in new[] { "400", "404", "405", "406", "413", "414", "431" })
            foreach (var accept in Accepts) data.Add(status, accept);
        // A withdrawn incident: a JSON-only resource, so an Accept it cannot produce is a 406 (itself a problem) first.
        foreach (var accept in new[] { "*/*", "application/json", "application/problem+json", "application/*" }) data.Add("410", accept);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_error_status_is_problem_json_whatever_accept_says(string status, string accept)
    {
        var request = status switch
        {
            "400" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents?pageSize=0"),
            "404" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-resource"),
            "405" => new HttpRequestMessage(HttpMethod.Delete, "/api/v1/incidents"),
            "406" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/methods"),
            "410" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents/syn-00-merged-in-2-0"),
            "413" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/methods") { Content = new StringContent("a body") },
            "414" => new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents?q=" + new string('a', 9000)),
            _ => new HttpRequestMessage(HttpMethod.Get, "/health/live"),
        };
        if (status == "431") request.Headers.Add("X-Big", new string('a', 20_000));
        // 406 needs an Accept the endpoint cannot produce: /methods is JSON only.
        if (status == "406" && accept is "*/*" or "application/json") accept = "text/csv";
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await api.CreateClient().SendAsync(request);

        await AssertProblem(response, int.Parse(status));
    }

    internal static async Task AssertProblem(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        foreach (var leak in new[] { "Exception", "   at ", ".cs:line" }) Assert.DoesNotContain(leak, body);
    }
}

/// <summary>A 429 (the rate limit) and a 503 (no database) are problems whatever Accept says; a burst of CSV requests never gets a 500.</summary>
public sealed class ErrorStatusUnderLimitTests
{
    private sealed class Limited(string path) : ApiFactory(path)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("RateLimit:PermitsPerSecond", "1"), new("RateLimit:Burst", "2")];
    }

    [Fact]
    public async Task A_rate_limited_request_is_429_problem_json_for_every_accept()
    {
        await using var factory = new Limited(TestSeed.BuildDatabase());
        var client = factory.CreateClient();
        var statuses = new List<int>();
        foreach (var accept in ErrorStatusTests.Accepts.Concat(ErrorStatusTests.Accepts))
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
            request.Headers.TryAddWithoutValidation("Accept", accept);
            var response = await client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) await ErrorStatusTests.AssertProblem(response, 429);
        }
        Assert.DoesNotContain(500, statuses);
        Assert.True(statuses.Count(s => s == 429) >= ErrorStatusTests.Accepts.Length, string.Join(",", statuses));
    }

    [Theory]
    [InlineData("text/csv"), InlineData("application/xml"), InlineData("*/*")]
    public async Task A_missing_database_is_503_problem_json_for_every_accept(string accept)
    {
        await using var factory = new Limited(Path.Combine(TestSeed.NewTempFolder(), "none.db"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents?country=CA");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        await ErrorStatusTests.AssertProblem(await factory.CreateClient().SendAsync(request), 503);
    }
}
