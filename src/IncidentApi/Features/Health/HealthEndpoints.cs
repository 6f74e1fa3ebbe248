using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Health;

/// <summary>The service's state.</summary>
/// <param name="Status">live (the process runs) or ready (the database can be served).</param>
/// <param name="Version">The dataset version served (ready only), else null.</param>
/// <param name="Incidents">The incidents it holds (ready only), else null.</param>
public sealed record HealthDto([property: ClosedList(typeof(HealthEndpoints), nameof(HealthEndpoints.States))] string Status, string? Version = null, long? Incidents = null);

public static class HealthEndpoints
{
    internal static readonly string[] States = ["live", "ready"];

    public static void MapHealth(this WebApplication app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapRead("/live", Live).WithName("Live").WithSummary("The process is up")
            .WithDescription("Liveness: 200 while the process runs. It reads nothing, so a broken database does not make it fail (see /health/ready).");
        health.MapRead("/ready", Ready).WithName("Ready").WithSummary("The database is open and holds incidents")
            .WithDescription("Readiness: 200 with the dataset version and incident count when the database is open and holds incidents and its " +
                "filter index is in memory (the first probe loads it), otherwise 503 (problem details). The container HEALTHCHECK probes this.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    public static Ok<HealthDto> Live() => TypedResults.Ok(new HealthDto("live"));

    public static Results<Ok<HealthDto>, ProblemHttpResult> Ready(Db db, IncidentIndexes indexes, ILogger<HealthDto> logger)
    {
        var state = DatabaseHealth.Check(db);
        if (state.Problem is null)
        {
            indexes.Current();   // loaded before traffic is sent, not by the first request (seconds for a million incidents)
            return TypedResults.Ok(new HealthDto("ready", state.Version, state.Incidents));
        }
        logger.LogWarning("Not ready: {Reason}", state.Problem);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The database is missing, unreadable or empty.");
    }
}
