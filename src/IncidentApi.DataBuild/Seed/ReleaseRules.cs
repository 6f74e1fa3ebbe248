using System.Security.Cryptography;
using System.Text;

namespace IncidentApi.DataBuild.Seed;

/// <summary>
/// Releases are dated and immutable (UCDP's practice): releases.yaml lists them oldest first, the last one being the
/// release the seeds are, and a published release is sealed by its manifest, data/releases/&lt;version&gt;.yaml (each
/// record id with the digest of its file). Against the previous sealed release the builder knows exactly which
/// records were added, changed and removed, and checks that the current release lists each of them, that every
/// changed record moved its updatedOn, and that no withdrawn id comes back. A sealed release cannot change at all.
/// </summary>
public static class ReleaseRules
{
    public const string ManifestFolder = "releases";

    /// <summary>SHA-256 of a record file's bytes (line endings as LF), 16 hex digits: a record changed when its file did.</summary>
    public static string Digest(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>The current records' digests, by id: what --seal writes as the last release's manifest.</summary>
    public static SortedDictionary<string, string> Current(SeedSet seed) =>
        new(seed.Incidents.Where(i => i.Id is not null && i.Digest is not null).GroupBy(i => i.Id!).ToDictionary(g => g.Key, g => g.First().Digest!), StringComparer.Ordinal);

    /// <summary>What changed between two manifests, in id order.</summary>
    public sealed record Diff(string[] Added, string[] Changed, string[] Removed);

    public static Diff Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) => new(
        after.Keys.Where(id => !before.ContainsKey(id)).Order(StringComparer.Ordinal).ToArray(),
        after.Keys.Where(id => before.TryGetValue(id, out var d) && d != after[id]).Order(StringComparer.Ordinal).ToArray(),
        before.Keys.Where(id => !after.ContainsKey(id)).Order(StringComparer.Ordinal).ToArray());

    public static IEnumerable<SeedProblem> Check(SeedSet seed)
    {
        if (seed.Releases.Count == 0) yield break;   // reported by the release checks in SeedValidator
        var current = Current(seed);
        var byId = seed.Incidents.Where(i => i.Id is not null).GroupBy(i => i.Id!).ToDictionary(g => g.Key, g => g.First());
        var release = seed.Release;
        var at = release.Location ?? new SeedLocation("data/releases.yaml", 1, release.Version ?? "-");
        foreach (var version in seed.Manifests.Keys.Where(v => seed.Releases.All(r => r.Version != v)))
            yield return new SeedProblem($"data/{ManifestFolder}/{version}.yaml", 1, version, "a manifest for a release that releases.yaml does not list");

        // Withdrawn ids are never reused.
        foreach (var r in seed.Releases)
            foreach (var removed in r.Removed ?? [])
                if (removed?.Id is { } id && byId.TryGetValue(id, out var back))
                    yield return SeedProblem.At(back.Location!, $"id '{id}' was withdrawn in release {r.Version}: ids are never reused, give the record a new id");

        if (release.Version is not null && seed.Manifests.TryGetValue(release.Version, out var sealedManifest))
        {
            var drift = Compare(sealedManifest, current);
            foreach (var id in drift.Added.Concat(drift.Changed).Concat(drift.Removed))
                yield return SeedProblem.At(at, $"release {release.Version} is sealed, but record '{id}' differs from it: list the change under a new release");
            yield break;
        }

        var previous = seed.Releases.Count > 1 ? seed.Releases[^2] : null;
        IReadOnlyDictionary<string, string> before = new Dictionary<string, string>();
        if (previous is not null && (previous.Version is null || !seed.Manifests.TryGetValue(previous.Version, out before!)))
        {
            yield return SeedProblem.At(previous.Location!, $"release {previous.Version} has no manifest: seal it (IncidentApi.DataBuild --seal {previous.Version}) before opening the next");
            yield break;
        }
        var diff = Compare(before, current);
        foreach (var problem in Listed(at, "added", diff.Added, (release.Added ?? []).OfType<string>()))
            yield return problem;
        foreach (var problem in Listed(at, "changed", diff.Changed, (release.Changed ?? []).Select(c => c?.Id).OfType<string>()))
            yield return problem;
        foreach (var problem in Listed(at, "removed", diff.Removed, (release.Removed ?? []).Select(r => r?.Id).OfType<string>()))
            yield return problem;
        foreach (var change in release.Changed ?? [])
            if (change is not null && string.IsNullOrWhiteSpace(change.What))
                yield return SeedProblem.At(at, $"changed: '{change.Id}' needs a 'what' saying what changed");
        foreach (var removal in release.Removed ?? [])
        {
            if (removal is null) continue;
            if (string.IsNullOrWhiteSpace(removal.Reason)) yield return SeedProblem.At(at, $"removed: '{removal.Id}' needs a reason");
            if (removal.ReplacedBy is { } by && !byId.ContainsKey(by)) yield return SeedProblem.At(at, $"removed: '{removal.Id}' is replaced by '{by}', which is not a record");
        }
        if (previous is null) yield break;
        foreach (var id in diff.Changed.Where(id => string.CompareOrdinal(byId[id].UpdatedOn, previous.Date) <= 0))
            yield return SeedProblem.At(byId[id].Location!, $"updatedOn: the record changed since release {previous.Version} ({previous.Date}) but its updatedOn did not move past that date");
        foreach (var id in diff.Added.Where(id => string.CompareOrdinal(byId[id].AddedOn, previous.Date) <= 0))
            yield return SeedProblem.At(byId[id].Location!, $"addedOn: the record is new since release {previous.Version} ({previous.Date}) but its addedOn is not after that date");
    }

    // The ids a release lists under one heading must be exactly those the manifests show.
    private static IEnumerable<SeedProblem> Listed(SeedLocation at, string heading, string[] actual, IEnumerable<string> listed)
    {
        var claimed = listed.ToHashSet(StringComparer.Ordinal);
        var real = actual.ToHashSet(StringComparer.Ordinal);   // sets both ways: a synthetic release lists every one of 1M ids
        foreach (var id in actual.Where(id => !claimed.Contains(id)))
            yield return SeedProblem.At(at, $"{heading}: '{id}' is {heading} since the previous release but release {at.Record} does not list it");
        foreach (var id in claimed.Where(id => !real.Contains(id)).Order(StringComparer.Ordinal))
            yield return SeedProblem.At(at, $"{heading}: '{id}' is listed but was not {heading} since the previous release");
    }
}
