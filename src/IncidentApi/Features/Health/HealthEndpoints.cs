namespace IncidentApi.Features.Health;

public sealed record HealthDto(string Status, string? Version = null, long? Incidents = null);

public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapRead("/live", Live).WithName("Live").WithSummary("The process is up")
            .WithDescription("Liveness: 200 while the process runs. It reads nothing, so a broken database does not make it fail (see /health/ready).");
        health.MapRead("/ready", Ready).WithName("Ready").WithSummary("The database is open and holds incidents")
            .WithDescription("Readiness: 200 with the dataset version and incident count when the database is open and holds incidents, otherwise 503 " +
                "(problem details). The container HEALTHCHECK probes this.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static Ok<HealthDto> Live() => TypedResults.Ok(new HealthDto("live"));

    public static Results<Ok<HealthDto>, ProblemHttpResult> Ready(Db db, ILogger<HealthDto> logger)
    {
        var state = DatabaseHealth.Check(db);
        if (state.Problem is null) return TypedResults.Ok(new HealthDto("ready", state.Version, state.Incidents));
        logger.LogWarning("Not ready: {Reason}", state.Problem);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The database is missing, unreadable or empty.");
    }
}
