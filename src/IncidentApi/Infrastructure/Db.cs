using System.ComponentModel.DataAnnotations;
using Dapper;
using IncidentApi.DataBuild;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

public sealed class DatabaseOptions
{
    /// <summary>The incidents.db to serve; relative paths are from the content root.</summary>
    [Required] public string Path { get; set; } = "";

    /// <summary>The seed directory. When set and present, a missing or stale database is rebuilt from it at start.</summary>
    public string? SeedPath { get; set; }
}

/// <summary>Opens read-only connections to the one database file. The API never writes to it.</summary>
public sealed class Db(IOptions<DatabaseOptions> options, IHostEnvironment env)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = System.IO.Path.GetFullPath(options.Value.Path, env.ContentRootPath),
        Mode = SqliteOpenMode.ReadOnly,
    }.ToString();

    // Sync on purpose: Microsoft.Data.Sqlite runs *Async methods synchronously anyway.
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}

public static class DbSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Db>();
        builder.Services.AddSingleton<Catalog>();
        return builder;
    }

    /// <summary>
    /// Builds the database from the seeds when it is missing or older than them, through the same code as the
    /// DataBuild CLI (validated, written atomically). A no-op where no seed directory exists, as in the image.
    /// Runs once, before the host is built, so no request ever sees a half-built state.
    /// </summary>
    public static void EnsureDatabaseBuilt(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new();
        if (string.IsNullOrEmpty(options.Path) || string.IsNullOrEmpty(options.SeedPath)) return;
        var root = builder.Environment.ContentRootPath;
        var (database, seeds) = (Path.GetFullPath(options.Path, root), Path.GetFullPath(options.SeedPath, root));
        if (!Directory.Exists(seeds) || DatabaseBuilder.IsCurrent(database, seeds)) return;

        var result = DatabaseBuilder.Build(seeds, database);
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"The seed data in {seeds} has {result.Problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        Console.WriteLine($"Built {database} from {seeds}: {result.Incidents} incidents, dataset version {result.Version}.");
    }
}
