using System.Net;
using System.Text;
using IncidentApi.Testing;

namespace IncidentApi.Tests;

/// <summary>Over real sockets, so malformed requests meet Kestrel's own parsing as they would in production.</summary>
public sealed class FuzzTests(KestrelFactory api) : IClassFixture<KestrelFactory>
{
    private static readonly string[] Routes =
    [
        "/api/v1/incidents", "/api/v1/incidents/syn-01-ca-2016-sky-net", "/api/v1/incidents/{x}", "/api/v1/countries",
        "/api/v1/countries/{x}", "/api/v1/countries/CA/incidents", "/api/v1/countries/{x}/incidents", "/api/v1/operations",
        "/api/v1/operations/{x}", "/api/v1/operations/sky-net/incidents", "/api/v1/operations/{x}/incidents", "/api/v1/methods",
        "/api/v1/stats", "/api/v1/dataset", "/health/live", "/health/ready", "/{x}", "/api/v1/{x}",
    ];

    private static readonly string[] Names =
        ["q", "country", "originCountry", "operation", "method", "outcome", "targetType", "from", "to", "sort", "page", "pageSize",
         "fields", "format", "groupBy", "region", "hasIncidents", "contry", "Q", "PAGE", "x", "", "a[b]", "%00", "__proto__"];

    private static readonly string[] Values =
        ["CA", "can", "XX", "sky-net", "returned", "2016", "2016-13", "2016-02-30", "-1", "0", "501", "99999999999999999999", "1e3", "abc",
         "\"", "'", "*", "NEAR(a b)", "a OR b", "title:x", "^x", "'; DROP TABLE incidents; --", "\") OR 1=1 --", "测试", "%FF%FE",
         "%C0%AF", "%00", "%E2%80", "..%2F..%2Fetc%2Fpasswd", "<script>alert(1)</script>", "=SUM(1)", "csv", "geojson", "xml", "year,country,method",
         "year,year", ",,,", " ", "true", "maybe", "-date", "relevance", "id,title", "%", "%%", "%zz"];

    [Fact]
    public async Task Thousands_of_random_and_malformed_requests_never_get_a_5xx_or_leak_internals()
    {
        var rng = new Random(20261126);   // fixed: a failure can be replayed
        var client = api.CreateClient();
        var statuses = new Dictionary<int, int>();
        for (var n = 0; n < 3000; n++)
        {
            var url = new StringBuilder(Routes[rng.Next(Routes.Length)].Replace("{x}", Pick(rng, Values)));
            for (var p = rng.Next(5); p > 0; p--)
            {
                url.Append(url.ToString().Contains('?') ? '&' : '?');
                url.Append(Pick(rng, Names)).Append('=').Append(rng.Next(12) == 0 ? new string('a', rng.Next(100, 5000)) : Pick(rng, Values));
            }
            var request = new HttpRequestMessage(rng.Next(10) == 0 ? HttpMethod.Head : HttpMethod.Get, new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + url, UriKind.Absolute));
            if (rng.Next(4) == 0) request.Headers.TryAddWithoutValidation("Accept", Pick(rng, ["text/csv", "application/geo+json", "image/png", "*/*", "text/*;q=0", "garbage/"]));
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"{status} for {url}: {body}");
            foreach (var leak in new[] { "Exception", "SQLite", "SELECT ", "   at ", "/work/", "/tmp/", ".cs:line" })
                Assert.False(body.Contains(leak), $"'{leak}' in the body for {url}");
        }
        Assert.True(statuses.GetValueOrDefault(200) > 100 && statuses.GetValueOrDefault(400) > 100, string.Join(", ", statuses));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static string Pick(Random rng, string[] from) => from[rng.Next(from.Length)];
}

/// <summary>Each kind of broken database: the service starts, says why it is not ready, and answers 503, never 500.</summary>
public sealed class BrokenDatabaseTests
{
    private sealed class Factory(string path) : ApiFactory(path);

    public static TheoryData<string> Kinds => ["missing", "truncated", "garbage", "empty"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_broken_database_makes_ready_503_and_requests_503_and_is_left_as_it_was(string kind)
    {
        var good = TestSeed.BuildDatabase();
        var path = Path.Combine(TestSeed.NewTempFolder(), "incidents.db");
        switch (kind)
        {
            case "truncated": File.WriteAllBytes(path, File.ReadAllBytes(good)[..8192]); break;
            case "garbage": File.WriteAllBytes(path, Encoding.UTF8.GetBytes(new string('x', 50_000))); break;
            case "empty": File.WriteAllBytes(path, []); break;
        }
        var before = File.Exists(path) ? File.ReadAllBytes(path) : null;
        await using var factory = new Factory(path);
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/problem+json", ready.Content.Headers.ContentType!.MediaType);
        var list = await client.GetAsync("/api/v1/incidents");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        var body = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SQLite", body);
        Assert.DoesNotContain(path, body);
        Assert.Equal(before, File.Exists(path) ? File.ReadAllBytes(path) : null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public void The_start_up_check_names_the_problem()
    {
        Assert.Equal("the file does not exist", ProblemOf(Path.Combine(TestSeed.NewTempFolder(), "none.db")));
        var garbage = Path.Combine(TestSeed.NewTempFolder(), "garbage.db");
        File.WriteAllText(garbage, new string('x', 50_000));
        Assert.StartsWith("SQLite cannot read it", ProblemOf(garbage));
        Assert.Null(ProblemOf(TestSeed.BuildDatabase()));
    }

    private static string? ProblemOf(string path) =>
        Features.Health.DatabaseHealth.Check(new Infrastructure.Db(
            Microsoft.Extensions.Options.Options.Create(new Infrastructure.DatabaseOptions { Path = path }),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = "/" })).Problem;
}

public sealed class SwapTests
{
    private sealed class Factory(string path) : ApiFactory(path);

    [Fact]
    public async Task A_rebuild_under_load_swaps_atomically_and_no_request_fails()
    {
        var seed = TestSeed.CreateDirectory();
        var db = TestSeed.BuildDatabase(seed);
        await using var factory = new Factory(db);
        var client = factory.CreateClient();
        var oldVersion = (await factory.GetJson("/api/v1/dataset")).GetProperty("version").GetString();

        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var requests = 0;
        var load = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                // A different query each time, so every request reads the database rather than a cache.
                var response = await client.GetAsync($"/api/v1/incidents?pageSize={1 + (n++ % 400)}&sort={(w % 2 == 0 ? "id" : "-date")}");
                Interlocked.Increment(ref requests);
                if (response.StatusCode == HttpStatusCode.OK) continue;
                var failure = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                lock (failures) failures.Add(failure);
            }
        })).ToArray();

        await Task.Delay(300);
        TestSeed.AddIncident(seed);   // the new build has one incident more
        Assert.True(IncidentApi.DataBuild.DatabaseBuilder.Build(seed, db).Succeeded);
        await Task.Delay(Infrastructure.Db.CheckInterval * 3);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(requests > 50, $"{requests} requests");
        var dataset = await factory.GetJson("/api/v1/dataset");
        Assert.NotEqual(oldVersion, dataset.GetProperty("version").GetString());
        Assert.Equal(14, dataset.GetProperty("counts").GetProperty("incidents").GetInt32());
        Assert.Equal(14, await factory.Total("/api/v1/incidents"));
        var etag = (await client.GetAsync("/api/v1/methods")).Headers.ETag!.Tag;
        Assert.StartsWith($"\"{dataset.GetProperty("version").GetString()}-", etag);
    }

    [Fact]
    public async Task Two_instances_on_the_same_data_give_the_same_etags()
    {
        await using var one = new Factory(TestSeed.BuildDatabase());
        await using var two = new Factory(TestSeed.BuildDatabase());
        foreach (var url in new[] { "/api/v1/incidents?country=CA", "/api/v1/stats?groupBy=year", "/api/v1/incidents/syn-01-ca-2016-sky-net" })
            Assert.Equal((await one.CreateClient().GetAsync(url)).Headers.ETag, (await two.CreateClient().GetAsync(url)).Headers.ETag);
    }
}

/// <summary>The service on Kestrel, loopback, a free port.</summary>
public class KestrelFactory : ApiFactory
{
    public KestrelFactory() : this(TestSeed.BuildDatabase()) { }

    protected KestrelFactory(string databasePath) : base(databasePath)
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
    }
}

/// <summary>Kestrel with a small rate limit, for bursts.</summary>
public sealed class LimitedKestrelFactory : KestrelFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("RateLimit:PermitsPerSecond", "20"), new("RateLimit:Burst", "40")];
}

public sealed class KestrelTests(LimitedKestrelFactory api) : IClassFixture<LimitedKestrelFactory>
{
    [Fact]
    public async Task A_burst_of_clients_gets_200s_or_429s_with_retry_after_never_5xx_or_resets()
    {
        var outcomes = new Dictionary<HttpStatusCode, int>();
        var tasks = Enumerable.Range(0, 40).Select(async c =>
        {
            using var client = api.CreateClient();
            for (var i = 0; i < 10; i++)
            {
                var response = await client.GetAsync($"/api/v1/incidents?pageSize={c + 1}");   // throws on a reset connection
                if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
                lock (outcomes) outcomes[response.StatusCode] = outcomes.GetValueOrDefault(response.StatusCode) + 1;
            }
        });
        await Task.WhenAll(tasks);
        Assert.Equal(400, outcomes.Values.Sum());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], outcomes.Keys.Order());
    }

    [Fact]
    public async Task An_overlong_url_is_414_and_oversized_headers_are_431()
    {
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await client.GetAsync("/api/v1/incidents?q=" + new string('a', 9000))).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Big", new string('a', 20_000));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await client.SendAsync(request)).StatusCode);
    }
}
