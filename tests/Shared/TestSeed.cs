using IncidentApi.DataBuild;

namespace IncidentApi.Testing;

/// <summary>
/// The synthetic test seed: the real reference tables from data/ (countries, methods, operations, figures, dataset) plus the
/// made-up incidents in tests/IncidentApi.Tests/Seed. Each call works in a fresh temporary folder, never in data/.
/// </summary>
public static class TestSeed
{
    public static string RepoRoot { get; } = FindRoot();
    public static string RealData => Path.Combine(RepoRoot, "data");
    private static string SyntheticSeed => Path.Combine(RepoRoot, "tests", "IncidentApi.Tests", "Seed");

    // Every temporary folder of this test process lives under one root, deleted when the process exits; roots left by
    // a process that crashed are swept at the next run. Tests therefore leave nothing behind in /tmp.
    private static readonly string TempRoot = CreateTempRoot();

    private static string CreateTempRoot()
    {
        var parent = Path.Combine(Path.GetTempPath(), "incidentapi-tests");
        Directory.CreateDirectory(parent);
        foreach (var stale in Directory.GetDirectories(parent))
            if (!int.TryParse(Path.GetFileName(stale).Split('-')[0], out var pid) || !IsRunning(pid))
                try { Directory.Delete(stale, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var root = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return root;
    }

    private static bool IsRunning(int pid)
    {
        try { using var process = System.Diagnostics.Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
    }

    public static string NewTempFolder()
    {
        var dir = Path.Combine(TempRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A complete seed directory (named "data") in a new temporary folder.</summary>
    public static string CreateDirectory()
    {
        var data = Path.Combine(NewTempFolder(), "data");
        Directory.CreateDirectory(Path.Combine(data, "incidents"));
        foreach (var file in new[] { "countries.yaml", "methods.yaml", "operations.yaml", "figures.yaml", "dataset.yaml" })
            File.Copy(Path.Combine(RealData, file), Path.Combine(data, file));
        foreach (var file in new[] { "places.yaml", "releases.yaml", "releases/1.0.yaml" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(data, file))!);
            File.Copy(Path.Combine(SyntheticSeed, file), Path.Combine(data, file));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(SyntheticSeed, "incidents")))
            File.Copy(file, Path.Combine(data, "incidents", Path.GetFileName(file)));
        return data;
    }

    /// <summary>
    /// Adds a synthetic record to the current (unsealed) release, file and releases.yaml entry both, as a curator
    /// would; returns its id. A seed directory's content and its number of incidents thereby change.
    /// </summary>
    public static string AddIncident(string seedDir)
    {
        const string model = "syn-13-nz-2025-added-in-2-0", id = "syn-14-nz-2025-added-later";
        File.WriteAllText(Path.Combine(seedDir, "incidents", id + ".yaml"),
            File.ReadAllText(Path.Combine(seedDir, "incidents", model + ".yaml")).Replace(model, id).Replace("Synthetic Person 00013", "Synthetic Person 00014"));
        var releases = Path.Combine(seedDir, "releases.yaml");
        File.WriteAllText(releases, File.ReadAllText(releases).Replace($"  - {model}\n", $"  - {model}\n  - {id}\n"));
        return id;
    }

    /// <summary>A copy of the real data/ in a new temporary folder, so a test never writes beside it.</summary>
    public static string CopyOfRealData()
    {
        var copy = Path.Combine(NewTempFolder(), "data");
        foreach (var file in Directory.GetFiles(RealData, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RealData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Builds a database from <paramref name="seedDir"/> (default: a fresh synthetic seed) and returns its path.</summary>
    public static string BuildDatabase(string? seedDir = null)
    {
        seedDir ??= CreateDirectory();
        var output = Path.Combine(Path.GetDirectoryName(seedDir)!, "incidents.db");
        var result = DatabaseBuilder.Build(seedDir, output);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
        return output;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IncidentApi.sln"))) return dir.FullName;
        throw new InvalidOperationException("IncidentApi.sln not found above " + AppContext.BaseDirectory);
    }
}
