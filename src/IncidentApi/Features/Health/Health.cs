using Dapper;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Health;

public sealed record HealthDto(string Status, string? Version = null, long? Incidents = null);

public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapRead("/live", Live).WithName("Live").WithSummary("The process is up");
        health.MapRead("/ready", Ready).WithName("Ready").WithSummary("The database is open and holds incidents")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static Ok<HealthDto> Live() => TypedResults.Ok(new HealthDto("live"));

    public static Results<Ok<HealthDto>, ProblemHttpResult> Ready(Db db, Catalog catalog, ILogger<HealthDto> logger)
    {
        try
        {
            using var connection = db.Open();
            var incidents = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM incidents");
            if (incidents > 0) return TypedResults.Ok(new HealthDto("ready", catalog.Version, incidents));
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            logger.LogWarning("Not ready: {Reason}", e.Message);
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The database is missing, unreadable or empty.");
    }
}
