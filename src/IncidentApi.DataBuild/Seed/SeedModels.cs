namespace IncidentApi.DataBuild.Seed;

// The shapes of the YAML seed files (data/README.md is the codebook). Properties are mutable only so the
// YAML reader can fill them; nothing changes them after reading. Unknown fields are rejected by the reader.

/// <summary>Where a record came from, so every problem names file, line and record.</summary>
/// <param name="Lines">The line of each field of the record, by path as the YAML spells it ("sources[1].quote").</param>
public sealed record SeedLocation(string File, int Line, string Record, IReadOnlyDictionary<string, int>? Lines = null)
{
    /// <summary>The line of <paramref name="path"/>, else of its nearest enclosing field, else of the record.</summary>
    public int LineOf(string path)
    {
        for (var p = path; Lines is not null && p.Length > 0; p = p[..Math.Max(0, p.LastIndexOfAny(['.', '[']))])
            if (Lines.TryGetValue(p, out var line)) return line;
        return Line;
    }

    public override string ToString() => $"{File}:{Line}: {Record}";
}

public interface ISeedRecord { SeedLocation? Location { get; set; } }

public sealed class IncidentSeed : ISeedRecord
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? DatePrecision { get; set; }
    public string? DateMeaning { get; set; }
    public string? OriginCountry { get; set; }
    public string? HostCountry { get; set; }
    public string? City { get; set; }
    public string? Operation { get; set; }
    public List<string>? Methods { get; set; }
    public string? Outcome { get; set; }
    public string? Attribution { get; set; }
    public int? People { get; set; }
    public List<TargetSeed>? Targets { get; set; }
    public string? Summary { get; set; }
    public string? Confidence { get; set; }
    public List<string>? Inferred { get; set; }
    public string? Notes { get; set; }
    public string? AddedOn { get; set; }
    public string? UpdatedOn { get; set; }
    public List<SourceSeed>? Sources { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
    /// <summary>The digest of the record's file (see ReleaseRules.Digest): what "changed since a release" compares.</summary>
    [YamlDotNet.Serialization.YamlIgnore] public string? Digest { get; set; }
}

public sealed class TargetSeed
{
    public string? Name { get; set; }
    public string? NameZh { get; set; }
    public string? Type { get; set; }
}

public sealed class SourceSeed
{
    public string? Url { get; set; }
    public string? Publisher { get; set; }
    public string? Title { get; set; }
    public string? PublishedOn { get; set; }
    public string? Kind { get; set; }
    public string? Quote { get; set; }
}

public sealed class OperationSeed : ISeedRecord
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? NameZh { get; set; }
    public string? Parent { get; set; }
    public string? OriginCountry { get; set; }
    public string? Launched { get; set; }
    public string? LaunchedPrecision { get; set; }
    public string? LaunchedNote { get; set; }
    public string? LeadAgency { get; set; }
    public string? Description { get; set; }
    public List<ClaimSeed>? OfficialClaims { get; set; }
    public List<SourceSeed>? Sources { get; set; }
    public string? Notes { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
}

public sealed class ClaimSeed
{
    public string? Year { get; set; }
    public long? Figure { get; set; }
    public string? Claim { get; set; }
    public string? Url { get; set; }
    public string? Quote { get; set; }
}

public sealed class MethodSeed : ISeedRecord
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public MethodSourceSeed? Source { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
}

public sealed class MethodSourceSeed
{
    public string? Url { get; set; }
    public string? Publisher { get; set; }
    public string? Quote { get; set; }
}

public sealed class CountrySeed : ISeedRecord
{
    public string? Code { get; set; }
    public string? Alpha3 { get; set; }
    public string? Name { get; set; }
    public string? Region { get; set; }
    public string? Subregion { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
}

public sealed class PlaceSeed : ISeedRecord
{
    public string? Country { get; set; }
    public string? City { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public long? GeonameId { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
}

/// <summary>A headline figure from a report or an official statement, for context (figures.yaml).</summary>
public sealed class FigureSeed : ISeedRecord
{
    public string? Key { get; set; }
    public string? Publisher { get; set; }
    public string? Report { get; set; }
    public string? Period { get; set; }
    public long? Figure { get; set; }
    public string? Unit { get; set; }
    public string? Scope { get; set; }
    public string? Url { get; set; }
    public string? PublishedOn { get; set; }
    public string? Quote { get; set; }
    public string? Notes { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
}

public sealed class DatasetInfoSeed : ISeedRecord
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? License { get; set; }
    public string? LicenseUrl { get; set; }
    public string? Citation { get; set; }
    public string? SeedData { get; set; }
    public string? Corrections { get; set; }
    public string? Contact { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
}

/// <summary>One release of the seed data (releases.yaml, oldest first): the last one is the release being built.</summary>
public sealed class ReleaseSeed : ISeedRecord
{
    public string? Version { get; set; }
    public string? Date { get; set; }
    public string? Summary { get; set; }
    /// <summary>Ids first published in this release.</summary>
    public List<string>? Added { get; set; }
    /// <summary>Ids whose content changed since the previous release, each with what changed.</summary>
    public List<ChangeSeed>? Changed { get; set; }
    /// <summary>Ids withdrawn in this release (merged into another record, or shown wrong); never reused.</summary>
    public List<RemovalSeed>? Removed { get; set; }
    [YamlDotNet.Serialization.YamlIgnore] public SeedLocation? Location { get; set; }
}

public sealed class ChangeSeed
{
    public string? Id { get; set; }
    public string? What { get; set; }
}

public sealed class RemovalSeed
{
    public string? Id { get; set; }
    public string? ReplacedBy { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Everything read from a seed directory.</summary>
public sealed record SeedSet(
    DatasetInfoSeed Dataset,
    IReadOnlyList<CountrySeed> Countries,
    IReadOnlyList<PlaceSeed> Places,
    IReadOnlyList<MethodSeed> Methods,
    IReadOnlyList<OperationSeed> Operations,
    IReadOnlyList<FigureSeed> Figures,
    IReadOnlyList<ReleaseSeed> Releases,
    IReadOnlyList<IncidentSeed> Incidents)
{
    /// <summary>Each sealed release's manifest (data/releases/&lt;version&gt;.yaml): record id to digest, as published.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Manifests { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The release these seeds are: the last in releases.yaml.</summary>
    public ReleaseSeed Release => Releases.Count > 0 ? Releases[^1] : new ReleaseSeed();
}
