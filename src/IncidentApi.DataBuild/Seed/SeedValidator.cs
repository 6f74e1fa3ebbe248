using System.Text.RegularExpressions;
using FluentValidation;

namespace IncidentApi.DataBuild.Seed;

/// <summary>Checks a whole seed set: each record against the codebook, then what only the set as a whole can show.</summary>
public static partial class SeedValidator
{
    // Messages name fields as the YAML spells them ("target.name"), not FluentValidation's "Target Name".
    static SeedValidator() => ValidationNames.UseCamelCase();

    public static List<SeedProblem> Check(SeedSet seed)
    {
        var refs = new References(
            seed.Countries.Select(c => c.Code).OfType<string>().ToHashSet(StringComparer.Ordinal),
            seed.Methods.Select(m => m.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal),
            seed.Operations.Select(o => o.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal));

        // One validator per kind of record, built once: building one compiles its rules, which costs far more than a run.
        var problems = new List<SeedProblem>();
        problems.AddRange(Run(new DatasetValidator(), seed.Dataset, seed.Dataset.Location ?? new SeedLocation("data/dataset.yaml", 1, "dataset")));
        problems.AddRange(RunAll(new CountryValidator(), seed.Countries));
        problems.AddRange(RunAll(new PlaceValidator(refs), seed.Places));
        problems.AddRange(RunAll(new MethodValidator(), seed.Methods));
        problems.AddRange(RunAll(new OperationValidator(refs), seed.Operations));
        problems.AddRange(RunAll(new FigureValidator(), seed.Figures));
        problems.AddRange(RunAll(new IncidentValidator(refs), seed.Incidents));
        problems.AddRange(RunAll(new ReleaseValidator(), seed.Releases));
        if (seed.Releases.Count == 0) problems.Add(new("data/releases.yaml", 1, "-", "needs at least one release: the last one is the release being built"));
        problems.AddRange(seed.Releases.Zip(seed.Releases.Skip(1)).Where(p => string.CompareOrdinal(p.Second.Date, p.First.Date) <= 0)
            .Select(p => SeedProblem.At(p.Second.Location!, $"date: releases are listed oldest first; {p.Second.Date} is not after {p.First.Date}")));

        problems.AddRange(Duplicates(seed.Countries, c => c.Code, "country code"));
        problems.AddRange(Duplicates(seed.Countries, c => c.Alpha3, "alpha-3 code"));
        problems.AddRange(Duplicates(seed.Places, p => $"{p.Country} {p.City}", "place"));
        problems.AddRange(Duplicates(seed.Methods, m => m.Slug, "method slug"));
        problems.AddRange(Duplicates(seed.Operations, o => o.Slug, "operation slug"));
        problems.AddRange(Duplicates(seed.Figures, f => f.Key, "figure key"));
        problems.AddRange(Duplicates(seed.Incidents, i => i.Id, "incident id"));
        problems.AddRange(Duplicates(seed.Releases, r => r.Version, "release version"));
        problems.AddRange(SamePersonSameDate(seed.Incidents));
        problems.AddRange(ReleaseRules.Check(seed));
        problems.AddRange(ParentCycles(seed.Operations));
        return problems;
    }

    internal sealed record References(HashSet<string> Countries, HashSet<string> Methods, HashSet<string> Operations);

    private static IEnumerable<SeedProblem> RunAll<T>(IValidator<T> validator, IEnumerable<T> records) where T : ISeedRecord =>
        records.SelectMany(r => Run(validator, r, r.Location!));

    // Each problem names the line of the field it is about (see SeedLocation.LineOf).
    private static IEnumerable<SeedProblem> Run<T>(IValidator<T> validator, T record, SeedLocation at) =>
        validator.Validate(record).Errors.Select(e =>
        {
            var field = ValidationNames.CamelPath(e.PropertyName);
            return new SeedProblem(at.File, at.LineOf(field), at.Record, $"{field}: {e.ErrorMessage}");
        });

    private static IEnumerable<SeedProblem> Duplicates<T>(IEnumerable<T> records, Func<T, string?> key, string what) where T : ISeedRecord =>
        records.Where(r => key(r) is not null).GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(r => SeedProblem.At(r.Location!,
                $"duplicate {what} '{g.Key}' (first at {g.First().Location!.File}:{g.First().Location!.Line})")));

    // One event, one record: the same named person on the same date in two records is one event recorded twice.
    private static IEnumerable<SeedProblem> SamePersonSameDate(IReadOnlyList<IncidentSeed> incidents)
    {
        var first = new Dictionary<string, IncidentSeed>(StringComparer.Ordinal);
        foreach (var incident in incidents)
            foreach (var name in (incident.Targets ?? []).Select(t => t?.Name).OfType<string>().Distinct())
            {
                var key = $"{name.ToLowerInvariant()} on {incident.Date}";
                if (!first.TryAdd(key, incident) && first[key] != incident)
                    yield return SeedProblem.At(incident.Location!, $"duplicate person and date '{key}' (first at {first[key].Location!.File}:{first[key].Location!.Line}): " +
                        "one event is one record, with every person in targets");
            }
    }

    private static IEnumerable<SeedProblem> ParentCycles(IReadOnlyList<OperationSeed> operations)
    {
        var parents = operations.Where(o => o.Slug is not null).GroupBy(o => o.Slug!).ToDictionary(g => g.Key, g => g.First().Parent);
        foreach (var op in operations.Where(o => o.Slug is not null))
        {
            var seen = new HashSet<string> { op.Slug! };
            for (var p = op.Parent; p is not null && parents.TryGetValue(p, out var next); p = next)
                if (!seen.Add(p)) { yield return SeedProblem.At(op.Location!, "parent: operations form a cycle"); break; }
        }
    }


    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] internal static partial Regex Slug();
    [GeneratedRegex(SearchText.HanCharacter)] internal static partial Regex Han();

    [GeneratedRegex(@"[^\s]*[\p{L}\p{N}][^\s]*")] private static partial Regex Word();

    /// <summary>Words of a quote: each Chinese character is one word; elsewhere a word is a run without spaces holding a letter or digit.</summary>
    internal static int WordCount(string text) => Han().Count(text) + Word().Count(Han().Replace(text, " "));

    internal static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && u.Host.Length > 0;

    internal static bool IsDate(string? text, string precision) => PartialDate.TryParse(text, out var d) && d.Precision == precision;
}

internal static class SeedRules
{
    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(120).Matches(SeedValidator.Slug()).WithMessage("must be a lowercase slug (a-z, 0-9, single hyphens)");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> allowed, string what) =>
        rule.Must(v => v is null || allowed.Contains(v)).WithMessage(v => $"unknown {what}; allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");

    public static IRuleBuilderOptions<T, string?> Known<T>(this IRuleBuilder<T, string?> rule, HashSet<string> known, string what, string file) =>
        rule.Must(v => v is null || known.Contains(v)).WithMessage((_, v) => $"unknown {what} '{v}' (not in data/{file})");

    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(SeedValidator.IsHttpUrl).WithMessage("must be an absolute http(s) URL");

    public static IRuleBuilderOptions<T, string?> ShortQuote<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(q => q is null || SeedValidator.WordCount(q) <= Vocabulary.MaxQuoteWords)
            .WithMessage((_, q) => $"must be at most {Vocabulary.MaxQuoteWords} words (has {SeedValidator.WordCount(q!)})");

    public static IRuleBuilderOptions<T, string?> PartialDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || IncidentApi.DataBuild.PartialDate.TryParse(v, out _)).WithMessage("must be a date YYYY, YYYY-MM or YYYY-MM-DD");

    public static IRuleBuilderOptions<T, string?> Day<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => SeedValidator.IsDate(v, "day")).WithMessage("must be a full date YYYY-MM-DD");
}
