using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using IncidentApi.DataBuild;
using IncidentApi.Testing;

namespace IncidentApi.Tests;

/// <summary>What an operator relies on: a user's database file is never rewritten, and identical seeds give identical bytes.</summary>
public sealed class DatabaseOwnershipTests
{
    private sealed class Factory(string path, string seeds) : ApiFactory(path)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Database:SeedPath", seeds)];
    }

    [Fact]
    public async Task A_database_the_service_did_not_build_from_its_seeds_is_served_as_it_is()
    {
        var seeds = TestSeed.CreateDirectory();
        var mine = Path.Combine(TestSeed.NewTempFolder(), "mine.db");
        Assert.True(DatabaseBuilder.BuildSynthetic(seeds, 40, mine).Succeeded);
        var before = await File.ReadAllBytesAsync(mine);

        await using var factory = new Factory(mine, seeds);
        var total = await factory.Total("/api/v1/incidents");

        Assert.Equal(40, total);   // the synthetic file, not a rebuild from the seeds
        Assert.Equal(before, await File.ReadAllBytesAsync(mine));
    }

    [Fact]
    public async Task A_file_built_from_other_seeds_is_not_rebuilt_from_these()
    {
        var (theirs, ours) = (TestSeed.CreateDirectory(), TestSeed.CreateDirectory());
        TestSeed.AddIncident(theirs);
        var database = TestSeed.BuildDatabase(theirs);
        var before = await File.ReadAllBytesAsync(database);

        await using var factory = new Factory(database, ours);
        await factory.GetJson("/api/v1/dataset");

        Assert.Equal(before, await File.ReadAllBytesAsync(database));
    }

    [Fact]
    public async Task A_missing_database_or_a_stale_one_it_built_is_built_from_the_seeds()
    {
        var seeds = TestSeed.CreateDirectory();
        var database = Path.Combine(Path.GetDirectoryName(seeds)!, "built-here.db");
        await using (var first = new Factory(database, seeds)) Assert.Equal(13, await first.Total("/api/v1/incidents"));

        TestSeed.AddIncident(seeds);   // the seeds move on: the file is stale
        await using var second = new Factory(database, seeds);
        Assert.Equal(14, await second.Total("/api/v1/incidents"));
        Assert.Equal(DatasetVersion.Of(seeds), DatabaseBuilder.ReadVersion(database));
    }

    [Fact]
    public async Task Two_builds_of_the_same_seeds_serve_the_same_bytes_under_the_same_etag()
    {
        var seeds = TestSeed.CreateDirectory();
        var one = TestSeed.BuildDatabase(seeds);
        await Task.Delay(1100);   // a wall-clock build time would now differ by a second
        var two = Path.Combine(TestSeed.NewTempFolder(), "incidents.db");
        Assert.True(DatabaseBuilder.Build(seeds, two).Succeeded);

        await using var a = new Factory(one, "");
        await using var b = new Factory(two, "");
        var (ra, rb) = (await a.CreateClient().GetAsync("/api/v1/dataset"), await b.CreateClient().GetAsync("/api/v1/dataset"));

        Assert.Equal(ra.Headers.ETag, rb.Headers.ETag);
        Assert.Equal(await ra.Content.ReadAsByteArrayAsync(), await rb.Content.ReadAsByteArrayAsync());
        var dataset = await a.GetJson("/api/v1/dataset");
        Assert.Equal("2026-02-01", dataset.GetProperty("release").GetProperty("date").GetString());
        Assert.Contains("release 2.0 (2026-02-01)", dataset.GetProperty("citation").GetString());
    }
}

/// <summary>Downloads hold every match: paging them is a clear 400, never silently ignored.</summary>
[Collection("api")]
public sealed class DownloadPagingTests(ApiFactory api)
{
    [Theory]
    [InlineData("/api/v1/incidents?format=csv&page=3", "page"), InlineData("/api/v1/incidents?format=geojson&pageSize=10", "pageSize"),
     InlineData("/api/v1/countries/CA/incidents?format=csv&page=1", "page")]
    public async Task Paging_a_download_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.Contains("every match", problem!.Errors[parameter].Single());
    }

    [Fact]
    public async Task Paging_by_accept_header_is_refused_the_same_way()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents?page=2");
        request.Headers.Accept.ParseAdd("text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().SendAsync(request)).StatusCode);
    }
}

/// <summary>The service started as a process, as an operator starts it: a failure is one clear line and a non-zero exit.</summary>
public sealed partial class StartupFailureTests
{
    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_1()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, output) = await Run(TestSeed.BuildDatabase(), "", $"--urls=http://127.0.0.1:{port}");

        Assert.Equal(1, exit);
        Assert.Contains("address already in use", output);
        AssertOneLineNoStackTrace(output);
    }

    [Fact]
    public async Task Seeds_with_a_problem_at_start_are_one_line_naming_it_and_exit_1()
    {
        var seeds = TestSeed.CreateDirectory();
        var record = Directory.GetFiles(Path.Combine(seeds, "incidents"))[0];
        File.WriteAllText(record, File.ReadAllText(record).Replace("outcome: ", "outcome: x"));

        var (exit, output) = await Run(Path.Combine(Path.GetDirectoryName(seeds)!, "new.db"), seeds, "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exit);
        Assert.Matches(@"data/incidents/[a-z0-9-]+\.yaml:\d+: [a-z0-9-]+: outcome: unknown outcome", output);
        AssertOneLineNoStackTrace(output);
    }

    private static void AssertOneLineNoStackTrace(string output)
    {
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("Cannot start"));
        Assert.DoesNotMatch(StackFrame(), output);
        Assert.DoesNotContain("Unhandled exception", output);
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)] private static partial Regex StackFrame();

    internal static async Task<(int Exit, string Output)> Run(string database, string seeds, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Database__Path"] = database;
        start.Environment["Database__SeedPath"] = seeds;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = System.Diagnostics.Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
