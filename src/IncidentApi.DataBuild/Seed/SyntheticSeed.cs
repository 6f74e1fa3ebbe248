using System.Globalization;

namespace IncidentApi.DataBuild.Seed;

/// <summary>
/// A visibly synthetic incident set for benchmarks ("Synthetic Person 00042", example.org sources), shaped like the
/// real data: dates 2014-2024 at day, month or year precision, about 60 host countries, 1-3 methods and sources,
/// Chinese names on a third, Fox Hunt, Sky Net and its campaigns. It uses the real reference tables and is only ever
/// written into a database, never into data/. Each summary names three of 2,000 "topicNNNN" words, so a full-text
/// query for one topic matches about 0.15% of incidents, like a name or a place would.
/// </summary>
public static class SyntheticSeed
{
    public const int Topics = 2000;

    public static SeedSet Create(SeedSet reference, int count, int randomSeed = 42)
    {
        var rng = new Random(randomSeed);
        var hosts = reference.Countries.Select(c => c.Code!).Where(c => c != "CN").Order(StringComparer.Ordinal)
            .OrderBy(_ => rng.Next()).Take(60).ToArray();
        var origins = new[] { "CN", "CN", "CN", "CN", "RU", "IR", "TR", "RW", "SA" };
        var methods = reference.Methods.Select(m => m.Slug!).Order(StringComparer.Ordinal).ToArray();
        var campaigns = reference.Operations.Where(o => o.Parent == "sky-net").ToDictionary(o => o.Slug!, o => o.Launched);
        var incidents = new List<IncidentSeed>(count);
        var first = new DateOnly(2014, 1, 1);
        var days = new DateOnly(2024, 12, 31).DayNumber - first.DayNumber + 1;
        for (var n = 1; n <= count; n++)
        {
            var day = first.AddDays(rng.Next(days));
            var (date, precision) = rng.Next(10) switch
            {
                0 => (day.ToString("yyyy", CultureInfo.InvariantCulture), "year"),
                1 or 2 => (day.ToString("yyyy-MM", CultureInfo.InvariantCulture), "month"),
                _ => (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "day"),
            };
            var origin = origins[rng.Next(origins.Length)];
            var campaign = $"sky-net-{day.Year}";
            string? operation = origin != "CN" ? null : rng.Next(5) switch
            {
                0 => "fox-hunt",
                1 => "sky-net",
                2 when campaigns.ContainsKey(campaign) => campaign,
                _ => null,
            };
            var topics = Enumerable.Range(0, 3).Select(_ => $"topic{rng.Next(Topics):0000}").ToArray();
            var methodList = methods.OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).ToList();
            var sourceCount = 1 + rng.Next(3);
            var people = rng.Next(20) == 0 ? 2 + rng.Next(8) : 1;   // a group now and then, its first member named
            var inferred = new List<string>();
            if (operation is not null && rng.Next(4) == 0) inferred.Add("operation");
            if (rng.Next(5) == 0) inferred.Add($"methods.{methodList[0]}");
            incidents.Add(new IncidentSeed
            {
                Id = $"synthetic-{n:000000}",
                Title = $"Synthetic incident {n:000000} (benchmark data, not a real event)",
                Date = date,
                DatePrecision = precision,
                DateMeaning = "synthetic date",
                OriginCountry = origin,
                HostCountry = rng.Next(20) == 0 ? null : hosts[rng.Next(hosts.Length)],
                Operation = operation,
                Methods = methodList,
                Outcome = Vocabulary.Outcomes[rng.Next(Vocabulary.Outcomes.Length)],
                // Source 1 is always press; a second, from another publisher, is the origin state's own statement.
                Attribution = sourceCount > 1 && rng.Next(3) == 0 ? "acknowledged" : "reported",
                People = people,
                Targets =
                [
                    new TargetSeed
                    {
                        Name = $"Synthetic Person {n:00000}",
                        NameZh = n % 3 == 0 ? $"测试{n:00000}" : null,
                        Type = Vocabulary.TargetTypes[rng.Next(Vocabulary.TargetTypes.Length)],
                    },
                ],
                Summary = $"Synthetic summary of made-up record {n}, mentioning {topics[0]}, {topics[1]} and {topics[2]}.",
                Confidence = sourceCount > 1 ? "high" : "medium",
                Inferred = inferred,
                AddedOn = "2026-01-01",
                UpdatedOn = "2026-01-01",
                Sources = Enumerable.Range(1, sourceCount).Select(s => new SourceSeed
                {
                    Url = $"https://example.org/synthetic/{n}/{s}",
                    Publisher = $"Example Publisher {s}",
                    Title = $"Synthetic source {s} for record {n}",
                    PublishedOn = date,
                    Kind = s switch { 1 => "press", 2 => "origin-state", _ => "ngo" },
                    Quote = $"Synthetic quote {s} supporting made-up record {n}.",
                }).ToList(),
                Location = new SeedLocation($"synthetic/synthetic-{n:000000}.yaml", 1, $"synthetic-{n:000000}"),
                Digest = $"{n:x16}",
            });
        }
        // One synthetic release that adds every record: the real releases' lists describe the real records.
        var release = new ReleaseSeed
        {
            Version = "0.0", Date = "2026-01-01", Summary = "Synthetic benchmark data, not a release.",
            Added = incidents.Select(i => i.Id!).ToList(), Location = new SeedLocation("synthetic/releases.yaml", 1, "0.0"),
        };
        return reference with { Incidents = incidents, Places = [], Releases = [release], Manifests = new Dictionary<string, IReadOnlyDictionary<string, string>>() };
    }
}
