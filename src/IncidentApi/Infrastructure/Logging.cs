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
            // A terminal gets an exception's type and message, never its stack trace (the JSON logs keep that).
            else log.Enrich.With<ExceptionSummary>().WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{ExceptionSummary}{NewLine}");
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One structured event per request.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging();

    private sealed class ExceptionSummary : Serilog.Core.ILogEventEnricher
    {
        public void Enrich(Serilog.Events.LogEvent log, Serilog.Core.ILogEventPropertyFactory factory)
        {
            if (log.Exception is { } e) log.AddPropertyIfAbsent(factory.CreateProperty(nameof(ExceptionSummary), $" ({e.GetType().Name}: {e.Message})"));
        }
    }
}
