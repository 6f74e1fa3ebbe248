using Dapper;
using IncidentApi.DataBuild.Database;
using IncidentApi.DataBuild.Seed;
using Microsoft.Data.Sqlite;

namespace IncidentApi.DataBuild;

public sealed record BuildResult(IReadOnlyList<SeedProblem> Problems, string Version, int Incidents)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Seeds to database: read, validate every record, and only then write a temporary file beside the output and
/// rename it into place. A reader therefore sees the old file or the new one, never half of one, and a seed with
/// problems leaves any existing database byte for byte as it was.
/// </summary>
public static class DatabaseBuilder
{
    public static BuildResult Build(string dataDir, string output)
    {
        var version = DatasetVersion.Of(dataDir);
        var (seed, problems) = SeedReader.Read(dataDir);
        if (problems.Count == 0) problems.AddRange(SeedValidator.Check(seed));
        if (problems.Count > 0) return new(problems, version, 0);
        var seeds = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFullPath(dataDir)).Replace('\\', '/');
        Write(output, db => Loader.Insert(db, seed, version, seeds));
        return new([], version, seed.Incidents.Count);
    }

    /// <summary>
    /// A benchmark database: the reference tables of <paramref name="dataDir"/> with <paramref name="count"/> synthetic
    /// incidents (<see cref="SyntheticSeed"/>), validated and written like real data. Nothing is written to data/.
    /// </summary>
    public static BuildResult BuildSynthetic(string dataDir, int count, string output)
    {
        var (reference, problems) = SeedReader.Read(dataDir);
        var seed = SyntheticSeed.Create(reference, count);
        if (problems.Count == 0) problems.AddRange(SeedValidator.Check(seed));
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{DatasetVersion.Of(dataDir)}|synthetic|{count}")))[..16];
        if (problems.Count > 0) return new(problems, version, 0);
        Write(output, db => Loader.Insert(db, seed, version, seeds: null));
        return new([], version, count);
    }

    /// <summary>Creates the schema in a fresh temporary file, lets <paramref name="fill"/> load it, and renames it over <paramref name="output"/>.</summary>
    public static void Write(string output, Action<SqliteConnection> fill)
    {
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Guid.NewGuid():N}.tmp";   // unique: two builders never write the same temp file
        try
        {
            using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
            {
                db.Open();
                db.Execute("PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = ON; PRAGMA page_size = 4096;");
                Schema.Create(db);
                fill(db);
                // No VACUUM: a fresh file written in order has little to reclaim (4% at 100k incidents), and copying
                // the whole file again made the build 15% slower.
                db.Execute("INSERT INTO incident_search (incident_search) VALUES ('optimize'); ANALYZE;");
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The dataset version stored in a database, or null when the file is missing or unreadable.</summary>
    public static string? ReadVersion(string database) => ReadMeta(database, "version");

    /// <summary>
    /// The seed directory (full path) that this builder built <paramref name="database"/> from, or null when it did not
    /// build it from seeds: synthetic data, another tool's file, a file from before the marker, or an unreadable one.
    /// The service rebuilds only a file whose seeds are its own configured seed directory.
    /// </summary>
    public static string? SeedsOf(string database) =>
        ReadMeta(database, "seeds") is { } seeds ? Path.GetFullPath(seeds, Path.GetDirectoryName(Path.GetFullPath(database))!) : null;

    private static string? ReadMeta(string database, string key)
    {
        if (!File.Exists(database)) return null;
        try
        {
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            db.Open();
            return db.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = @key", new { key });
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="database"/> exists and was built from exactly the seeds in <paramref name="dataDir"/>.</summary>
    public static bool IsCurrent(string database, string dataDir) => ReadVersion(database) == DatasetVersion.Of(dataDir);
}
