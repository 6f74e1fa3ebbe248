using IncidentApi.DataBuild;

// dotnet run --project src/IncidentApi.DataBuild -- --data data --out artifacts/incidents.db [--synthetic N]
// --synthetic N: N made-up incidents (benchmarks) with data/'s reference tables; data/'s incidents are not used.
// Exit codes: 0 built, 1 the seeds have problems (each printed as file:line: record: reason), 2 bad arguments.
string? data = null, output = null;
int? synthetic = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length: data = args[++i]; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--synthetic" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is > 0 and <= 10_000_000: synthetic = n; i++; break;
        default: return Usage($"unknown argument '{args[i]}'");
    }
}
if (data is null || output is null) return Usage("--data and --out are required");
if (!Directory.Exists(data)) return Usage($"no seed directory at '{data}'");

var started = System.Diagnostics.Stopwatch.StartNew();
var result = synthetic is { } count ? DatabaseBuilder.BuildSynthetic(data, count, output) : DatabaseBuilder.Build(data, output);
if (!result.Succeeded)
{
    foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
    Console.Error.WriteLine($"{result.Problems.Count} problem(s); '{output}' was left untouched.");
    return 1;
}
Console.WriteLine($"Built {output}: {result.Incidents} incidents, dataset version {result.Version}, in {started.ElapsedMilliseconds} ms.");
return 0;

static int Usage(string error)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("usage: IncidentApi.DataBuild --data <seed directory> --out <database file> [--synthetic <count>]");
    return 2;
}
