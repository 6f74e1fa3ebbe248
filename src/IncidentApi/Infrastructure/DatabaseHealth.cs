using Dapper;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace IncidentApi.Infrastructure;

/// <summary>
/// What happens when the database file is missing, truncated or corrupted: one clear log line at start naming the
/// problem, /health/ready answers 503, and any request that needs the data gets a 503 problem instead of a 500.
/// Nothing is rewritten here; only the seed build (at start, from data/) ever replaces the file.
/// </summary>
public static class DatabaseHealth
{
    /// <summary>Null when the database can be served, else the reason it cannot.</summary>
    public static string? Problem(Db db)
    {
        if (!File.Exists(db.FilePath)) return "the file does not exist";
        try
        {
            using var connection = db.Open();
            var check = connection.ExecuteScalar<string>("PRAGMA quick_check");
            if (check != "ok") return $"integrity check failed ({check})";
            var incidents = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM incidents");
            var version = connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'version'");
            return incidents == 0 ? "it holds no incidents" : version is null ? "it has no dataset version" : null;
        }
        catch (SqliteException e)
        {
            return $"SQLite cannot read it ({e.SqliteErrorCode}: {e.Message})";
        }
    }

    /// <summary>Logs, once at start, whether the database can be served.</summary>
    public static WebApplication LogDatabaseStatus(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<Db>();
        var logger = app.Services.GetRequiredService<ILogger<Db>>();
        if (Problem(db) is { } problem)
            logger.LogError("Database {Path} cannot be served: {Problem}. /health/ready answers 503 until a valid file is in place (rebuild it from data/ with IncidentApi.DataBuild)", db.FilePath, problem);
        else
            logger.LogInformation("Serving database {Path}", db.FilePath);
        return app;
    }

    /// <summary>A database that cannot be read is the service being unavailable (503), not a bug (500).</summary>
    public sealed class UnavailableHandler(IProblemDetailsService problems, ILogger<UnavailableHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancel)
        {
            if (exception is not SqliteException sqlite) return false;
            logger.LogError(exception, "Database unavailable: {Code}", sqlite.SqliteErrorCode);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "30";
            return await problems.TryWriteAsync(new()
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails = { Status = 503, Detail = "The dataset is temporarily unavailable; retry later." },
            });
        }
    }
}
