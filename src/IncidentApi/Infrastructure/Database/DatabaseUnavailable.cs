using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace IncidentApi.Infrastructure;

/// <summary>A database that cannot be read is the service being unavailable (503), not a bug (500).</summary>
public sealed class DatabaseUnavailable(IProblemDetailsService problems, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
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
