using System.Net;
using System.Text.Json;
using IncidentApi.Testing;

namespace IncidentApi.Tests;

/// <summary>Behind a load balancer: per-client limits, quota headers, and absolute links that no client can poison.</summary>
public sealed class ProxyTests
{
    private sealed class Factory(params (string Key, string Value)[] settings) : KestrelFactory(TestSeed.BuildDatabase())
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));
    }

    private static readonly (string, string)[] Tight = [("RateLimit:PermitsPerSecond", "1"), ("RateLimit:Burst", "2")];

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_for_header_is_ignored_and_clients_share_the_socket_address()
    {
        await using var api = new Factory(Tight);
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
            statuses.Add((await Get(client, "/api/v1/methods", ("X-Forwarded-For", address))).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket()
    {
        await using var api = new Factory([.. Tight, ("Proxy:TrustedProxies:0", "127.0.0.1")]);
        var client = api.CreateClient();
        // One client spends its burst of two (back to back, so a refill cannot come between), then the others have theirs.
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) first.Add((await Get(client, "/api/v1/methods", ("X-Forwarded-For", "203.0.113.1"))).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        foreach (var address in new[] { "203.0.113.2", "203.0.113.3" })
            for (var i = 0; i < 2; i++)
                Assert.Equal(HttpStatusCode.OK, (await Get(client, "/api/v1/methods", ("X-Forwarded-For", address))).StatusCode);
    }

    [Fact]
    public async Task Every_response_states_the_quota_and_what_is_left_and_a_429_says_when_to_retry()
    {
        await using var api = new Factory(Tight);
        var client = api.CreateClient();
        var responses = new List<HttpResponseMessage>();
        foreach (var url in new[] { "/api/v1/methods", "/api/v1/incidents?pageSize=0", "/api/v1/methods" })
            responses.Add(await client.GetAsync(url));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.All(responses, r => Assert.Equal("\"per-client\";q=2;w=2", r.Headers.GetValues("RateLimit-Policy").Single()));
        Assert.Equal(["\"per-client\";r=1;t=1", "\"per-client\";r=0;t=2"], responses.Take(2).Select(r => r.Headers.GetValues("RateLimit").Single()));
        var limited = responses[2];
        Assert.Equal($"\"per-client\";r=0;t={limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds}", limited.Headers.GetValues("RateLimit").Single());
    }

    [Fact]
    public async Task A_clients_host_header_never_reaches_a_link_and_never_reaches_another_clients_response()
    {
        await using var api = new Factory();
        var client = api.CreateClient();
        // Each asked twice, so that each is in the response cache (kept from the second request) before the other asks.
        var responses = new List<HttpResponseMessage>();
        for (var time = 0; time < 2; time++)
        {
            responses.Add(await Get(client, "/api/v1/incidents?pageSize=2", ("Host", "evil.example"), ("X-Forwarded-Host", "evil.example")));
            responses.Add(await client.GetAsync("/api/v1/incidents?pageSize=2"));
        }
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("evil.example", string.Join(",", response.Headers.GetValues("Link")));
            Assert.StartsWith("/api/v1/incidents?", Next(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task A_trusted_proxys_forwarded_scheme_and_host_make_links_absolute_for_that_host_only()
    {
        await using var api = new Factory(("Proxy:TrustedProxies:0", "127.0.0.0/8"));
        var client = api.CreateClient();
        await Get(client, "/api/v1/incidents?pageSize=2", ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "api.example.org"));
        var proxied = await Get(client, "/api/v1/incidents?pageSize=2", ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "api.example.org"));   // asked twice: now in the cache
        var direct = await client.GetAsync("/api/v1/incidents?pageSize=2");   // same URL, no forwarded host: not from the cache above
        Assert.StartsWith("https://api.example.org/api/v1/incidents?", Next(await proxied.Content.ReadAsStringAsync()));
        Assert.Contains("<https://api.example.org/api/v1/incidents?", proxied.Headers.GetValues("Link").Single());
        Assert.StartsWith("/api/v1/incidents?", Next(await direct.Content.ReadAsStringAsync()));
        Assert.NotEqual(proxied.Headers.ETag, direct.Headers.ETag);
    }

    [Fact]
    public async Task A_configured_public_base_url_wins_over_anything_a_request_says()
    {
        await using var api = new Factory(("Proxy:PublicBaseUrl", "https://data.example.org/"));
        var response = await Get(api.CreateClient(), "/api/v1/incidents?pageSize=2", ("Host", "evil.example"), ("X-Forwarded-Host", "evil.example"));
        Assert.StartsWith("https://data.example.org/api/v1/incidents?", Next(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Cross_origin_pages_may_revalidate_and_read_the_headers_they_need()
    {
        await using var api = new Factory();
        var client = api.CreateClient();
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/incidents");
        preflight.Headers.Add("Origin", "https://dashboard.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var answer = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Contains("if-none-match", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("7200", answer.Headers.GetValues("Access-Control-Max-Age").Single());

        var get = await Get(client, "/api/v1/incidents?pageSize=2", ("Origin", "https://dashboard.example"));
        var exposed = get.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(',').Select(h => h.Trim()).ToArray();
        foreach (var header in new[] { "ETag", "Link", "Retry-After", "RateLimit", "RateLimit-Policy", "Last-Modified" }) Assert.Contains(header, exposed);
    }

    private static string Next(string body) => JsonDocument.Parse(body).RootElement.GetProperty("links").GetProperty("next").GetString()!;
}
