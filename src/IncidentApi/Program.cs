using IncidentApi.Features.Countries;
using IncidentApi.Features.Dataset;
using IncidentApi.Features.Explorer;
using IncidentApi.Features.Filter;
using IncidentApi.Features.Health;
using IncidentApi.Features.Incidents;
using IncidentApi.Features.Methods;
using IncidentApi.Features.Operations;
using IncidentApi.Features.Releases;
using IncidentApi.Features.Stats;

if (args is ["--probe", var url]) return await HealthProbe.RunAsync(url);   // the container's HEALTHCHECK

WebApplication? app = null;
try
{
    // Each Add registers only (no I/O); its Use or With, in the same order below, puts it in the pipeline.
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLogging();            // Serilog: compact JSON when redirected, text on a terminal     → UseRequestLogging
    builder.AddDatabase()            // options, read-only SQLite, reference data, stores              → BuildDatabaseFromSeeds
        .WithStore<IncidentIndexes>().WithStore<SerializedIncidents>().WithStore<IncidentStore>().WithStore<CountryStore>()
        .WithStore<OperationStore>().WithStore<MethodStore>().WithStore<StatsStore>().WithStore<DatasetStore>().WithStore<DataPackage>()
        .WithStore<ReleaseStore>();
    builder.AddProxies();            // trusted proxies' forwarded headers, public base URL           → UseProxies
    builder.AddCrossOrigin();        // CORS for dashboards on any origin                              → UseCrossOrigin
    builder.AddProblemResponses();   // RFC 9457 problems for every error, whatever Accept says        → UseProblemResponses
    builder.AddRateLimiting();       // a token bucket per client, with quota headers                  → UseRateLimiting
    builder.AddRequestLimits();      // request line, headers, body, time, shutdown                    → UseRequestLimits
    builder.AddHttpCaching();        // response cache; ETag, 304, Cache-Control                       → UseHttpCaching, WithHttpCaching
    builder.AddCompression();        // brotli and gzip, not for tiny bodies                           → UseCompression
    builder.AddQueryChecks();        // unknown parameters, validators, content negotiation           → WithQueryChecks
    builder.AddApiJson();            // source-generated camelCase JSON
    builder.AddApiDocs();            // Swashbuckle                                                    → UseApiDocs

    app = builder.Build();
    app.BuildDatabaseFromSeeds();    // the one start-up side effect: (re)build a database the service owns from data/
    app.LogDatabaseStatus();         // one clear line at start if the database cannot be served
    app.UseProxies();                // first: the client address and public host everything after sees
    app.UseReadOnlyHttp();           // nosniff; HEAD answered as GET without a body
    app.UseCrossOrigin();
    app.UseProblemResponses();
    app.UseRequestLogging();
    app.UseRateLimiting();
    app.UseRequestLimits();
    app.UseHttpCaching();            // outside compression: a cache hit sends the already-compressed bytes
    app.UseCompression();
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
    v1.MapReleases();

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
