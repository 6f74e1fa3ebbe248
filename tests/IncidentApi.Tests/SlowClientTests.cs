using System.Net;
using System.Net.Sockets;
using System.Text;
using IncidentApi.DataBuild;
using IncidentApi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentApi.Tests;

/// <summary>A synthetic database big enough (about 9 MB of CSV) that a client who stops reading blocks the download.</summary>
public sealed class BigDatabase
{
    public string Path { get; } = System.IO.Path.Combine(TestSeed.NewTempFolder(), "big.db");
    public BigDatabase() => Assert.True(DatabaseBuilder.BuildSynthetic(TestSeed.CreateDirectory(), 20_000, Path).Succeeded);
}

/// <summary>A slow client can hold neither a download past its bound nor the shutdown past its timeout.</summary>
public sealed class SlowClientTests(BigDatabase big) : IClassFixture<BigDatabase>
{
    private sealed class Factory(string path, int downloadSeconds, int shutdownSeconds) : KestrelFactory(path)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Limits:DownloadSeconds", $"{downloadSeconds}"), new("Limits:ShutdownSeconds", $"{shutdownSeconds}")];
    }

    [Fact]
    public async Task A_download_to_a_client_that_stops_reading_is_cut_off_at_its_bound()
    {
        await using var factory = new Factory(big.Path, downloadSeconds: 1, shutdownSeconds: 10);
        using var client = await StartDownload(factory);

        await Task.Delay(TimeSpan.FromSeconds(4));   // the client reads nothing for four times the bound

        var (bytes, complete) = await Drain(client);
        Assert.False(complete, $"the whole download arrived ({bytes} bytes): nothing cut it off");
    }

    [Fact]
    public async Task Shutdown_closes_a_slow_download_after_the_shutdown_timeout_not_when_it_ends()
    {
        var factory = new Factory(big.Path, downloadSeconds: 600, shutdownSeconds: 1);
        using var client = await StartDownload(factory);

        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await Task.Delay(TimeSpan.FromSeconds(5));

        var (bytes, complete) = await Drain(client);
        Assert.False(complete, $"the whole download arrived ({bytes} bytes) although the server was stopping");
        await factory.DisposeAsync();
    }

    private static async Task<TcpClient> StartDownload(KestrelFactory factory)
    {
        var port = factory.CreateClient().BaseAddress!.Port;
        var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/v1/incidents?format=csv HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        var first = new byte[256];
        Assert.True(await stream.ReadAsync(first) > 0);
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(first));
        return client;
    }

    /// <summary>Reads to the end; complete when the chunked body ended properly (its last chunk), not by a cut connection.</summary>
    private static async Task<(long Bytes, bool Complete)> Drain(TcpClient client)
    {
        var (buffer, total, tail) = (new byte[65536], 0L, "");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            for (int n; (n = await client.GetStream().ReadAsync(buffer, timeout.Token)) > 0;)
            {
                total += n;
                tail = (tail + Encoding.ASCII.GetString(buffer, Math.Max(0, n - 16), Math.Min(n, 16)))[^Math.Min(16, tail.Length + Math.Min(n, 16))..];
                if (tail.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal)) return (total, true);
            }
        }
        catch (IOException) { }   // reset by the server: cut off
        return (total, false);
    }
}
