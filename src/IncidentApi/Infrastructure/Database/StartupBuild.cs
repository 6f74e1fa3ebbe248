using IncidentApi.DataBuild;
using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

/// <summary>
/// At start, (re)builds the database from the seed directory, through the same code as the DataBuild CLI (validated,
/// written atomically), but only a file the service owns: a missing one, or one this builder built from the
/// configured seed directory that is now stale. Any other file (a user's own, a synthetic benchmark file, an
/// unreadable one) is served exactly as it is and never written. Runs before the server starts, so no request ever
/// sees a half-built state; a no-op where no seed directory exists, as in the image.
/// </summary>
public static class StartupBuild
{
    public static WebApplication BuildDatabaseFromSeeds(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (string.IsNullOrEmpty(options.SeedPath)) return app;
        var root = app.Environment.ContentRootPath;
        var (database, seeds) = (Path.GetFullPath(options.Path, root), Path.GetFullPath(options.SeedPath, root));
        if (!Directory.Exists(seeds)) return app;

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IncidentApi.StartupBuild");
        if (File.Exists(database))
        {
            if (DatabaseBuilder.SeedsOf(database) != seeds)
            {
                if (DatabaseBuilder.ReadVersion(database) is var theirs && theirs != DatasetVersion.Of(seeds))
                    logger.LogWarning("Serving {Path} as it is: it was not built from {Seeds} by this service, and its dataset version {Version} " +
                        "differs from theirs; it is never rewritten (delete it, or rebuild it with IncidentApi.DataBuild, to serve {Seeds})",
                        database, seeds, theirs ?? "(none)", seeds);
                return app;
            }
            if (DatabaseBuilder.IsCurrent(database, seeds)) return app;
        }

        var result = DatabaseBuilder.Build(seeds, database);
        if (!result.Succeeded)
            throw new StartupException($"the seed data in {seeds} has {result.Problems.Count} problem(s), so {database} was not built: " +
                string.Join("; ", result.Problems.Take(3)) + (result.Problems.Count > 3 ? "; … (the DataBuild CLI lists them all)" : ""));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();   // no pooled connection may go on reading the file it replaced
        logger.LogInformation("Built {Path} from {Seeds}: {Incidents} incidents, dataset version {Version}", database, seeds, result.Incidents, result.Version);
        return app;
    }
}
