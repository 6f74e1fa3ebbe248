using IncidentApi.Features.Countries;
using IncidentApi.Features.Dataset;
using IncidentApi.Features.Health;
using IncidentApi.Features.Incidents;
using IncidentApi.Features.Methods;
using IncidentApi.Features.Operations;
using IncidentApi.Features.Stats;
using IncidentApi.Infrastructure;

if (args is ["--probe", var url]) return await HealthProbe.RunAsync(url);   // the container's HEALTHCHECK

var builder = WebApplication.CreateBuilder(args);   // each Add*/Use* below only registers: no I/O
builder.EnsureDatabaseBuilt();   // the one start-up side effect: (re)build the database from data/ when missing or stale
builder.AddLogging();            // Serilog: compact JSON when redirected, text on a terminal
builder.AddDatabase();           // options, read-only SQLite, the reference catalog
builder.AddApiDocs();            // Swashbuckle
builder.AddHttpConventions();    // problem details, CORS, compression, rate limit, JSON, validators
builder.Services.AddSingleton<IncidentStore>().AddSingleton<CountryStore>().AddSingleton<OperationStore>()
    .AddSingleton<MethodStore>().AddSingleton<StatsStore>().AddSingleton<DatasetStore>();

var app = builder.Build();
app.LogDatabaseStatus();         // one clear line at start if the database cannot be served
app.UseHttpConventions();        // nosniff, CORS, exception handler, status code pages, request logging, compression, rate limit
app.UseApiDocs();                // /swagger and /swagger/v1/swagger.json
app.UseExplorer();   // / : the Explorer page (static files, strict CSP)
app.MapHealth();                 // /health/live, /health/ready

var v1 = app.MapGroup("/api/v1").WithQueryChecks().WithHttpCaching();
v1.MapIncidents();
v1.MapCountries();
v1.MapOperations();
v1.MapMethodTaxonomy();
v1.MapStats();
v1.MapDataset();

app.Run();
return 0;
