using IncidentApi.Features.Countries;
using IncidentApi.Features.Dataset;
using IncidentApi.Features.Health;
using IncidentApi.Features.Incidents;
using IncidentApi.Features.Methods;
using IncidentApi.Features.Operations;
using IncidentApi.Features.Stats;
using IncidentApi.Infrastructure;

if (args is ["--probe", var url]) return await HealthProbe.RunAsync(url);   // the container's HEALTHCHECK

WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(args);   // each Add*/Use* below only registers: no I/O
    builder.AddLogging();            // Serilog: compact JSON when redirected, text on a terminal
    builder.AddDatabase();           // options, read-only SQLite, the reference catalog
    builder.AddApiDocs();            // Swashbuckle
    builder.AddHttpConventions();    // problem details, limits, proxies, rate limit, CORS, compression, JSON, validators
    builder.Services.AddSingleton<IncidentStore>().AddSingleton<CountryStore>().AddSingleton<OperationStore>()
        .AddSingleton<MethodStore>().AddSingleton<StatsStore>().AddSingleton<DatasetStore>();

    app = builder.Build();
    app.BuildDatabaseFromSeeds();    // the one start-up side effect: (re)build a database the service owns from data/
    app.LogDatabaseStatus();         // one clear line at start if the database cannot be served
    app.UseHttpConventions();        // proxies, nosniff, CORS, errors, logging, rate limit, limits, timeouts, cache, compression
    app.UseApiDocs();                // /swagger and /swagger/v1/swagger.json
    app.UseExplorer();               // / : the Explorer page (static files, strict CSP)
    app.MapHealth();                 // /health/live, /health/ready

    var v1 = app.MapGroup("/api/v1").WithQueryChecks().WithHttpCaching();
    v1.MapIncidents();
    v1.MapCountries();
    v1.MapOperations();
    v1.MapMethodTaxonomy();
    v1.MapStats();
    v1.MapDataset();

    await app.StartAsync();          // binds the port: in use, it throws here, with the services still there to log it
}
catch (Exception e) when (e is not HostAbortedException)   // HostAbortedException: a tool (test host, OpenAPI export) took the app
{
    var exit = StartupFailure.Report(e, app?.Services);
    if (app is not null) await app.DisposeAsync();
    return exit;
}
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
