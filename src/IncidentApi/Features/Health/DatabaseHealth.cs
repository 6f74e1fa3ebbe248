using Dapper;
using Microsoft.Data.Sqlite;

namespace IncidentApi.Features.Health;

/// <summary>The database's state, as /health/ready and the start-up log line see it: Problem is null when it can be served.</summary>
public sealed record DatabaseState(string? Problem, string? Version, long Incidents);

/// <summary>
/// The one definition of "ready": the file exists, passes SQLite's quick check, holds incidents and a dataset version.
/// When it does not: one clear log line at start naming the problem, /health/ready answers 503, and any request that
/// needs the data gets a 503 problem (DatabaseUnavailable) instead of a 500. Nothing is rewritten here.
/// </summary>
public static class DatabaseHealth
{
    // A file is never changed while it is served, only replaced (Db.Generation), so a file that passed is not checked
    // again: readiness probes stay cheap however large the file (a quick_check reads all of it). A failure is not kept.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Db, Passed> Passes = new();

    private sealed record Passed(int Generation, DatabaseState State);

    public static DatabaseState Check(Db db)
    {
        var generation = db.Generation;
        if (Passes.TryGetValue(db, out var passed) && passed.Generation == generation) return passed.State;
        var state = Inspect(db);
        if (state.Problem is null) Passes.AddOrUpdate(db, new(generation, state));
        return state;
    }

    private static DatabaseState Inspect(Db db)
    {
        if (!File.Exists(db.FilePath)) return new("the file does not exist", null, 0);
        try
        {
            using var connection = db.Open();
            var check = connection.ExecuteScalar<string>("PRAGMA quick_check");
            if (check != "ok") return new($"integrity check failed ({check})", null, 0);
            var incidents = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM incidents");
            var version = connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'version'");
            var problem = incidents == 0 ? "it holds no incidents" : version is null ? "it has no dataset version" : null;
            return new(problem, version, incidents);
        }
        catch (SqliteException e)
        {
            return new($"SQLite cannot read it ({e.SqliteErrorCode}: {e.Message})", null, 0);
        }
    }

    /// <summary>Logs, once at start, whether the database can be served.</summary>
    public static WebApplication LogDatabaseStatus(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<Db>();
        var logger = app.Services.GetRequiredService<ILogger<Db>>();
        if (Inspect(db).Problem is { } problem)
            logger.LogError("Database {Path} cannot be served: {Problem}. /health/ready answers 503 until a valid file is in place (rebuild it from data/ with IncidentApi.DataBuild)", db.FilePath, problem);
        else
            logger.LogInformation("Serving database {Path}", db.FilePath);
        return app;
    }
}
