using System.Text;
using IncidentApi.DataBuild.Seed;

namespace IncidentApi.DataBuild;

/// <summary>data/CHANGELOG.md, written from releases.yaml (the machine-readable list) so that the two never disagree.</summary>
public static class Changelog
{
    public const string FileName = "CHANGELOG.md";

    public static string Render(SeedSet seed)
    {
        var md = new StringBuilder();
        md.Append("# Data changelog\n\n")
          .Append("Generated from `releases.yaml` by `IncidentApi.DataBuild --data data --changelog` (a test keeps it current): newest\n")
          .Append("release first. Each release lists the records it added, changed (with what changed) and withdrew (with why, and the\n")
          .Append("record that replaces it); a withdrawn id answers 410 Gone and is never reused. `/api/v1/releases` serves the same list.\n");
        for (var n = seed.Releases.Count - 1; n >= 0; n--)
        {
            var r = seed.Releases[n];
            var count = r.Version is not null && seed.Manifests.TryGetValue(r.Version, out var m) ? m.Count : seed.Incidents.Count;
            md.Append($"\n## {r.Version} — {r.Date}\n\n{Wrap(r.Summary)}\n\n{count} incidents in this release.\n");
            if (r.Added is { Count: > 0 } added)
                md.Append($"\n### Added ({added.Count})\n\n").AppendJoin("", added.Select(id => $"- `{id}`\n"));
            if (r.Changed is { Count: > 0 } changed)
                md.Append($"\n### Changed ({changed.Count})\n\n").AppendJoin("", changed.Select(c => $"- `{c.Id}`: {c.What}\n"));
            if (r.Removed is { Count: > 0 } removed)
                md.Append($"\n### Withdrawn ({removed.Count})\n\n").AppendJoin("", removed.Select(x =>
                    $"- `{x.Id}`{(x.ReplacedBy is null ? "" : $" → `{x.ReplacedBy}`")}: {x.Reason}\n"));
        }
        return md.ToString();
    }

    private static string Wrap(string? text) => (text ?? "").Trim();
}
