using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IncidentApi.DataBuild.Seed;

/// <summary>
/// Reads a seed directory: dataset.yaml, countries.yaml, places.yaml, methods.yaml, operations.yaml, figures.yaml, releases.yaml (lists) and
/// incidents/*.yaml (one incident each). A field the models do not know, a duplicate key or a YAML error is a
/// problem, never silently skipped; such an error ends the reading of that file only, so other files still report.
/// </summary>
public static partial class SeedReader
{
    public const string IncidentsFolder = "incidents";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static (SeedSet Seed, List<SeedProblem> Problems) Read(string dataDir)
    {
        var problems = new List<SeedProblem>();
        var prefix = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir)));
        string Display(string path) => Path.Combine(prefix, Path.GetRelativePath(dataDir, path)).Replace('\\', '/');

        List<T> ReadList<T>(string name, Func<T, string?> key) where T : class, ISeedRecord
        {
            var path = Path.Combine(dataDir, name);
            var items = new List<T>();
            if (!File.Exists(path)) { problems.Add(new(Display(path), 0, "-", "file is missing")); return items; }
            Guard(path, Display(path), parser =>
            {
                parser.Consume<StreamStart>();
                if (parser.TryConsume<StreamEnd>(out _)) return;   // an empty file is an empty list
                parser.Consume<DocumentStart>();
                parser.Consume<SequenceStart>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var line = (int)parser.Current!.Start.Line;
                    var item = Yaml.Deserialize<T>(parser);
                    if (item is null) { problems.Add(new(Display(path), line, "-", "empty list item")); continue; }
                    item.Location = new(Display(path), line, key(item) ?? $"item {items.Count + 1}");
                    items.Add(item);
                }
                var lines = YamlLines.OfFile(path);
                for (var i = 0; i < items.Count && i < lines.Count; i++) items[i].Location = items[i].Location! with { Lines = lines[i] };
            });
            return items;
        }

        T? ReadOne<T>(string path, Action<T, IReadOnlyDictionary<string, int>>? withLines = null) where T : class
        {
            T? result = null;
            Guard(path, Display(path), parser =>
            {
                result = Yaml.Deserialize<T>(parser);
                if (result is null) problems.Add(new(Display(path), 1, "-", "file is empty"));
                else withLines?.Invoke(result, YamlLines.OfFile(path).FirstOrDefault() ?? []);
            });
            return result;
        }

        void Guard(string path, string display, Action<IParser> read)
        {
            try
            {
                using var reader = new StreamReader(path);
                read(new Parser(reader));
            }
            catch (YamlException e)
            {
                problems.Add(new(display, (int)e.Start.Line, Path.GetFileNameWithoutExtension(path), Explain(e)));
            }
        }

        var datasetPath = Path.Combine(dataDir, "dataset.yaml");
        var dataset = File.Exists(datasetPath)
            ? ReadOne<DatasetInfoSeed>(datasetPath, (d, lines) => d.Location = new(Display(datasetPath), 1, "dataset", lines)) : null;
        if (!File.Exists(datasetPath)) problems.Add(new(Display(datasetPath), 0, "-", "file is missing"));

        var countries = ReadList<CountrySeed>("countries.yaml", c => c.Code);
        var places = ReadList<PlaceSeed>("places.yaml", p => $"{p.Country} {p.City}");
        var methods = ReadList<MethodSeed>("methods.yaml", m => m.Slug);
        var operations = ReadList<OperationSeed>("operations.yaml", o => o.Slug);
        var figures = ReadList<FigureSeed>("figures.yaml", f => f.Key);
        var releases = ReadList<ReleaseSeed>("releases.yaml", r => r.Version);

        var incidents = new List<IncidentSeed>();
        var incidentDir = Path.Combine(dataDir, IncidentsFolder);
        if (!Directory.Exists(incidentDir)) problems.Add(new(Display(incidentDir), 0, "-", "folder is missing"));
        else
            foreach (var path in Directory.EnumerateFiles(incidentDir, "*.yaml").Order(StringComparer.Ordinal))
                if (ReadOne<IncidentSeed>(path, (incident, lines) =>
                        incident.Location = new(Display(path), 1, incident.Id ?? Path.GetFileNameWithoutExtension(path), lines)) is { } incident)
                {
                    incident.Digest = ReleaseRules.Digest(path);
                    incidents.Add(incident);
                }

        var manifests = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var manifestDir = Path.Combine(dataDir, ReleaseRules.ManifestFolder);
        if (Directory.Exists(manifestDir))
            foreach (var path in Directory.EnumerateFiles(manifestDir, "*.yaml").Order(StringComparer.Ordinal))
                if (ReadOne<Dictionary<string, string>>(path) is { } manifest) manifests[Path.GetFileNameWithoutExtension(path)] = manifest;

        return (new SeedSet(dataset ?? new DatasetInfoSeed(), countries, places, methods, operations, figures, releases, incidents) { Manifests = manifests }, problems);
    }

    [GeneratedRegex(@"^Property '(?<name>[^']+)' not found on type")] private static partial Regex UnknownField();

    /// <summary>A YAML error in the codebook's words: no .NET type names.</summary>
    private static string Explain(YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message).Trim();
        if (UnknownField().Match(message) is { Success: true } m) return $"unknown field '{m.Groups["name"].Value}' (the codebook, data/README.md, lists the fields)";
        if (message.StartsWith("No node deserializer", StringComparison.Ordinal))
            return message.Contains("System.String", StringComparison.Ordinal)
                ? "expected a single text value here, found a list or mapping (quote a value that starts with [ or {)"
                : "this value has the wrong shape here (a list where text is expected, or the reverse)";
        return message;
    }
}
