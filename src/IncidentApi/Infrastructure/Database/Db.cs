using System.ComponentModel.DataAnnotations;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

public sealed class DatabaseOptions
{
    /// <summary>The incidents.db to serve; relative paths are from the content root.</summary>
    [Required] public string Path { get; set; } = "";

    /// <summary>The seed directory. When set and present, a missing database, or a stale one built from it, is rebuilt at start (<see cref="StartupBuild"/>).</summary>
    public string? SeedPath { get; set; }
}

/// <summary>
/// Opens read-only connections to the one database file; the API never writes to it. A rebuild renames a new file
/// over the old one: connections already open keep reading the old file to the end of their request, and once the
/// replacement is noticed (within <see cref="CheckInterval"/>) the pool is cleared so new requests open the new one,
/// and <see cref="Generation"/> moves on so the reference and caches reload.
/// </summary>
public sealed class Db
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);

    private readonly string _connectionString;
    private long _nextCheck;
    private DateTime _stamp;
    private int _generation;

    public Db(IOptions<DatabaseOptions> options, IHostEnvironment env)
    {
        FilePath = System.IO.Path.GetFullPath(options.Value.Path, env.ContentRootPath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadOnly }.ToString();
        _stamp = Stamp();
    }

    public string FilePath { get; }

    /// <summary>Changes each time the file is found replaced.</summary>
    public int Generation => NoticeReplacement();

    // Sync on purpose: Microsoft.Data.Sqlite runs *Async methods synchronously anyway.
    public SqliteConnection Open()
    {
        NoticeReplacement();
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private int NoticeReplacement()
    {
        var now = Environment.TickCount64;
        if (now >= Interlocked.Read(ref _nextCheck))
        {
            Interlocked.Exchange(ref _nextCheck, now + (long)CheckInterval.TotalMilliseconds);
            var stamp = Stamp();
            if (stamp != _stamp)
            {
                _stamp = stamp;
                SqliteConnection.ClearAllPools();   // connections in use finish on the old file, then close
                Interlocked.Increment(ref _generation);
            }
        }
        return Volatile.Read(ref _generation);
    }

    private DateTime Stamp() => File.Exists(FilePath) ? File.GetLastWriteTimeUtc(FilePath) : DateTime.MinValue;
}

public static class DbSetup
{
    /// <summary>Options, the read-only database and the reference data; chain <see cref="WithStore"/> for each feature's store.</summary>
    public static IServiceCollection AddDatabase(this WebApplicationBuilder builder)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database").ValidateDataAnnotations().ValidateOnStart();
        return builder.Services.AddSingleton<Db>().AddSingleton<ReferenceData>();
    }

    /// <summary>A store reads the database for one feature; one instance serves every request.</summary>
    public static IServiceCollection WithStore<TStore>(this IServiceCollection services) where TStore : class => services.AddSingleton<TStore>();
}
