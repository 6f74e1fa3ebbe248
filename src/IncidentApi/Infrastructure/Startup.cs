using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

/// <summary>A start-up problem the operator can fix: reported as one log line naming it, then exit code 1.</summary>
public sealed class StartupException(string message) : Exception(message);

/// <summary>
/// What ends a start (a port in use, seeds with problems, bad settings) is one clear log line and a non-zero exit,
/// never an unhandled exception with a stack trace and exit 134.
/// </summary>
public static class StartupFailure
{
    public static int Report(Exception e, IServiceProvider? services)
    {
        var reason = e switch
        {
            StartupException => e.Message,
            IOException when e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException => e.Message,
            OptionsValidationException => $"invalid settings: {e.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        var logger = services?.GetService<ILoggerFactory>()?.CreateLogger("IncidentApi.Startup");
        if (logger is null) Console.Error.WriteLine($"Cannot start: {reason}");
        else logger.LogCritical("Cannot start: {Reason}", reason);
        return 1;
    }
}
