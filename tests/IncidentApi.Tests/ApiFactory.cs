using System.Net.Http.Json;
using System.Text.Json;
using IncidentApi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IncidentApi.Tests;

/// <summary>One host per test run over one read-only database built from the synthetic seed, so tests run in any order.</summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public ApiFactory() : this(TestSeed.BuildDatabase()) { }

    protected ApiFactory(string databasePath) => DatabasePath = databasePath;

    public string DatabasePath { get; }

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production")   // tests see what the public sees
            .UseSetting("Database:Path", DatabasePath)
            .UseSetting("Database:SeedPath", "")   // never rebuild from data/ under test
            .UseSetting("RateLimit:PermitsPerSecond", "100000")
            .UseSetting("RateLimit:Burst", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public async Task<JsonElement> GetJson(string url)
    {
        var response = await CreateClient().GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string[]> Ids(string url) =>
        (await GetJson(url)).GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();

    public async Task<long> Total(string url) => (await GetJson(url)).GetProperty("page").GetProperty("totalItems").GetInt64();
}

[CollectionDefinition("api")]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>;
