using Serilog;
using Serilog.Formatting.Compact;

namespace IncidentApi.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog, structured: compact JSON when output is redirected (containers, CI), readable text on a terminal.
    /// No static Log.Logger: parallel test hosts would close each other's logger.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((_, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
            if (Console.IsOutputRedirected) log.WriteTo.Console(new CompactJsonFormatter());
            else log.WriteTo.Console();
        }, preserveStaticLogger: true);
        return builder;
    }
}
