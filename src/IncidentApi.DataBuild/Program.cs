using IncidentApi.DataBuild;

// dotnet run --project src/IncidentApi.DataBuild -- --data data --out artifacts/incidents.db [--synthetic N]
// --synthetic N: N made-up incidents (benchmarks) with data/'s reference tables; data/'s incidents are not used.
// --data data --changelog: validate, then write data/CHANGELOG.md from data/releases.yaml.
// --data data --seal VERSION: validate, then write data/releases/VERSION.yaml, the manifest that makes the last release final.
// Exit codes: 0 done, 1 the seeds have problems (each printed as file:line: record: reason), 2 bad arguments.
string? data = null, output = null, seal = null;
int? synthetic = null;
var changelog = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length: data = args[++i]; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--seal" when i + 1 < args.Length: seal = args[++i]; break;
        case "--changelog": changelog = true; break;
        case "--synthetic" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is > 0 and <= 10_000_000: synthetic = n; i++; break;
        default: return Usage($"unknown argument '{args[i]}'");
    }
}
if (data is null) return Usage("--data is required");
if (!Directory.Exists(data)) return Usage($"no seed directory at '{data}'");
if (changelog || seal is not null)
{
    var (seed, problems) = IncidentApi.DataBuild.Seed.SeedReader.Read(data);
    if (problems.Count == 0) problems.AddRange(IncidentApi.DataBuild.Seed.SeedValidator.Check(seed));
    if (problems.Count > 0) return Problems(problems, "nothing was written");
    if (changelog) File.WriteAllText(Path.Combine(data, Changelog.FileName), Changelog.Render(seed));
    if (seal is not null)
    {
        if (seed.Release.Version != seal) return Usage($"only the last release ({seed.Release.Version}) can be sealed");
        Directory.CreateDirectory(Path.Combine(data, IncidentApi.DataBuild.Seed.ReleaseRules.ManifestFolder));
        File.WriteAllText(Path.Combine(data, IncidentApi.DataBuild.Seed.ReleaseRules.ManifestFolder, $"{seal}.yaml"),
            $"# The manifest of release {seal} (sealed): each record id with the digest of its file as published.\n" +
            "# Written by IncidentApi.DataBuild --seal; never edited by hand.\n" +
            string.Concat(IncidentApi.DataBuild.Seed.ReleaseRules.Current(seed).Select(p => $"{p.Key}: '{p.Value}'\n")));
    }
    Console.WriteLine(changelog ? $"Wrote {Path.Combine(data, Changelog.FileName)}." : $"Sealed release {seal}.");
    return 0;
}
if (output is null) return Usage("--out is required to build");

var started = System.Diagnostics.Stopwatch.StartNew();
var result = synthetic is { } count ? DatabaseBuilder.BuildSynthetic(data, count, output) : DatabaseBuilder.Build(data, output);
if (!result.Succeeded) return Problems(result.Problems, $"'{output}' was left untouched");
Console.WriteLine($"Built {output}: {result.Incidents} incidents, dataset version {result.Version}, in {started.ElapsedMilliseconds} ms.");
return 0;

static int Problems(IReadOnlyList<IncidentApi.DataBuild.Seed.SeedProblem> problems, string consequence)
{
    foreach (var problem in problems) Console.Error.WriteLine(problem);
    Console.Error.WriteLine($"{problems.Count} problem(s); {consequence}.");
    return 1;
}

static int Usage(string error)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("usage: IncidentApi.DataBuild --data <seed directory> (--out <database file> [--synthetic <count>] | --changelog | --seal <version>)");
    return 2;
}
