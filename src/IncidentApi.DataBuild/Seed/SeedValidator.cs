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

        var problems = new List<SeedProblem>();
        problems.AddRange(Run(new DatasetValidator(), seed.Dataset, seed.Dataset.Location ?? new SeedLocation("data/dataset.yaml", 1, "dataset")));
        foreach (var c in seed.Countries) problems.AddRange(Run(new CountryValidator(), c, c.Location!));
        foreach (var p in seed.Places) problems.AddRange(Run(new PlaceValidator(refs), p, p.Location!));
        foreach (var m in seed.Methods) problems.AddRange(Run(new MethodValidator(), m, m.Location!));
        foreach (var o in seed.Operations) problems.AddRange(Run(new OperationValidator(refs), o, o.Location!));
        foreach (var f in seed.Figures) problems.AddRange(Run(new FigureValidator(), f, f.Location!));
        foreach (var i in seed.Incidents) problems.AddRange(Run(new IncidentValidator(refs), i, i.Location!));
        foreach (var r in seed.Releases) problems.AddRange(Run(new ReleaseValidator(), r, r.Location!));
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

/// <summary>Every source, of an incident or an operation: where, who, what kind of author, and a short verbatim quote.</summary>
internal sealed class SourceValidator : AbstractValidator<SourceSeed>
{
    public SourceValidator()
    {
        RuleFor(s => s.Url).HttpUrl();
        RuleFor(s => s.Publisher).NotEmpty().MaximumLength(200);
        RuleFor(s => s.Title).MaximumLength(400);
        RuleFor(s => s.PublishedOn).PartialDate();
        RuleFor(s => s.Kind).NotEmpty().OneOf(Vocabulary.SourceKinds, "source kind");
        RuleFor(s => s.Quote).NotEmpty().WithMessage("every source needs a verbatim quote that supports the record").ShortQuote();
    }
}

internal sealed class IncidentValidator : AbstractValidator<IncidentSeed>
{
    public IncidentValidator(SeedValidator.References refs)
    {
        RuleFor(i => i.Id).Slug()
            .Must((i, id) => i.Location is null || i.Location.File.EndsWith($"/{id}.yaml", StringComparison.Ordinal))
            .WithMessage("must equal the file name (without .yaml)");
        RuleFor(i => i.Title).NotEmpty().MaximumLength(200);
        RuleFor(i => i.Date).NotEmpty().PartialDate();
        RuleFor(i => i.DatePrecision).NotEmpty().OneOf(Vocabulary.DatePrecisions, "date precision")
            .Must((i, p) => !PartialDate.TryParse(i.Date, out var d) || d.Precision == p)
            .WithMessage((i, p) => $"'{p}' does not match date '{i.Date}'");
        RuleFor(i => i.DateMeaning).MaximumLength(300);
        RuleFor(i => i.OriginCountry).NotEmpty().Known(refs.Countries, "country code", "countries.yaml");
        RuleFor(i => i.HostCountry).Known(refs.Countries, "country code", "countries.yaml");
        RuleFor(i => i.City).MaximumLength(100).Must((i, c) => c is null || i.HostCountry is not null)
            .WithMessage("a city needs a hostCountry");
        RuleFor(i => i.Operation).Known(refs.Operations, "operation", "operations.yaml");
        RuleFor(i => i.Methods).NotEmpty().WithMessage("needs at least one method")
            .Must(m => m is null || m.Distinct().Count() == m.Count).WithMessage("lists a method twice");
        RuleForEach(i => i.Methods).Known(refs.Methods, "method", "methods.yaml");
        RuleFor(i => i.Outcome).NotEmpty().OneOf(Vocabulary.Outcomes, "outcome");
        RuleFor(i => i.Attribution).NotEmpty().OneOf(Vocabulary.Attributions, "attribution")
            .Must((i, a) => a is null || !EvidenceRules.AttributionNeeds.TryGetValue(a, out var kinds) || (i.Sources ?? []).Any(s => kinds.Contains(s?.Kind)))
            .WithMessage((_, a) => $"'{a}' needs a source of kind {string.Join(" or ", EvidenceRules.AttributionNeeds[a!])}");
        RuleFor(i => i.Targets).NotNull().WithMessage("must be a list of the named people ([] when nobody is named)");
        RuleForEach(i => i.Targets).NotNull().ChildRules(t =>
        {
            t.RuleFor(x => x.Name).NotEmpty().WithMessage("a target needs a name (count unnamed people in people)").MaximumLength(200);
            t.RuleFor(x => x.NameZh).MaximumLength(100).Must(z => z is null || SeedValidator.Han().IsMatch(z)).WithMessage("must contain Chinese characters");
            t.RuleFor(x => x.Type).OneOf(Vocabulary.TargetTypes, "target type");   // null: the sources do not say
        });
        RuleFor(i => i.People).GreaterThan(0)
            .Must((i, p) => NamedTargets(i) == 0 || p >= NamedTargets(i))
            .WithMessage((i, _) => $"must be at least the {NamedTargets(i)} named target(s)");
        RuleFor(i => i.Summary).NotEmpty().MaximumLength(1500);
        RuleFor(i => i.Confidence).NotEmpty()
            .Must(c => c != "low").WithMessage("a low-confidence record is not published: keep it out of data/ until a second source confirms it")
            .OneOf(Vocabulary.Confidence, "confidence")
            .Must((i, c) => c != "high" || Ceiling(i) == "high")
            .WithMessage("'high' is above what the sources allow: it needs a court, prosecutor or host-government source, or two publishers of which one is not the origin state")
            .Must((i, c) => c != "medium" || Ceiling(i) != "high" || (i.Notes ?? "").Contains("confidence", StringComparison.OrdinalIgnoreCase))
            .WithMessage("the sources allow 'high': a record rated lower must say why in notes (name its confidence)");
        RuleFor(i => i.Title)
            .Must((i, t) => t is null || EvidenceRules.Assertive.Contains(i.Attribution) || EvidenceRules.UnhedgedAssertion(t) is null)
            .WithMessage((i, t) => $"asserts '{EvidenceRules.UnhedgedAssertion(t!)}' but attribution is '{i.Attribution}': hedge it (reportedly, alleges) or cite what establishes it");
        RuleFor(i => i.Inferred).NotNull().WithMessage("must list the fields read into the sources ([] when none is)")
            .Must(f => f is null || f.Distinct().Count() == f.Count).WithMessage("lists a field twice");
        RuleForEach(i => i.Inferred).Must((i, field) => InferredProblem(i, field) is null).WithMessage((i, field) => InferredProblem(i, field)!);
        RuleFor(i => i.Notes).MaximumLength(1500);
        RuleFor(i => i.AddedOn).Day();
        RuleFor(i => i.UpdatedOn).Day().Must((i, u) => string.CompareOrdinal(u, i.AddedOn) >= 0).WithMessage("must not be before addedOn");
        RuleFor(i => i.Sources).NotEmpty().WithMessage("every incident needs at least one source");
        RuleForEach(i => i.Sources).NotNull().SetValidator(new SourceValidator());
    }

    private static int NamedTargets(IncidentSeed i) => i.Targets?.Count(t => !string.IsNullOrEmpty(t?.Name)) ?? 0;

    private static string Ceiling(IncidentSeed i) =>
        EvidenceRules.Ceiling((i.Sources ?? []).Where(s => s is not null).Select(s => (s.Kind ?? "", s.Publisher ?? "")).ToList());

    /// <summary>Why an inferred entry is wrong, or null: it must name a field the record fills (a method must be one of its methods).</summary>
    private static string? InferredProblem(IncidentSeed i, string? field)
    {
        if (field is not null && field.StartsWith("methods.", StringComparison.Ordinal))
            return i.Methods?.Contains(field["methods.".Length..]) == true ? null : $"'{field}' is not one of this record's methods";
        if (!Vocabulary.InferableFields.Contains(field))
            return $"unknown field '{field}'; allowed: {string.Join(", ", Vocabulary.InferableFields)}, methods.<slug>";
        var value = field switch
        {
            "originCountry" => i.OriginCountry, "hostCountry" => i.HostCountry, "city" => i.City, "date" => i.Date,
            "operation" => i.Operation, "outcome" => i.Outcome, "people" => i.People?.ToString(),
            _ => i.Targets?.FirstOrDefault(t => t?.Type is not null)?.Type,
        };
        return value is null ? $"'{field}' is empty, so there is nothing inferred to mark" : null;
    }
}

internal sealed class OperationValidator : AbstractValidator<OperationSeed>
{
    public OperationValidator(SeedValidator.References refs)
    {
        RuleFor(o => o.Slug).Slug();
        RuleFor(o => o.Name).NotEmpty().MaximumLength(200);
        RuleFor(o => o.Parent).Known(refs.Operations, "parent operation", "operations.yaml")
            .NotEqual(o => o.Slug).WithMessage("an operation cannot be its own parent");
        RuleFor(o => o.OriginCountry).NotEmpty().Known(refs.Countries, "country code", "countries.yaml");
        RuleFor(o => o.Launched).PartialDate();
        RuleFor(o => o.LaunchedPrecision).OneOf(Vocabulary.DatePrecisions, "date precision")
            .Must((o, p) => !PartialDate.TryParse(o.Launched, out var d) || d.Precision == p)
            .WithMessage((o, p) => $"'{p}' does not match launched '{o.Launched}'");
        RuleFor(o => o.Description).NotEmpty();
        RuleFor(o => o.Sources).NotEmpty().WithMessage("every operation needs at least one source");
        RuleForEach(o => o.Sources).NotNull().SetValidator(new SourceValidator());
        RuleForEach(o => o.OfficialClaims).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Year).NotEmpty().Matches(@"^\d{4}(-\d{4})?$").WithMessage("must be YYYY or YYYY-YYYY");
            c.RuleFor(x => x.Figure).NotNull();
            c.RuleFor(x => x.Claim).NotEmpty();
            c.RuleFor(x => x.Url).HttpUrl();
            c.RuleFor(x => x.Quote).NotEmpty();
        });
    }
}

internal sealed class MethodValidator : AbstractValidator<MethodSeed>
{
    public MethodValidator()
    {
        RuleFor(m => m.Slug).Slug();
        RuleFor(m => m.Name).NotEmpty().MaximumLength(200);
        RuleFor(m => m.Definition).NotEmpty();
        RuleFor(m => m.Source).NotNull();
        RuleFor(m => m.Source!.Url).Must(u => u is null || SeedValidator.IsHttpUrl(u)).WithMessage("must be an absolute http(s) URL or null")
            .When(m => m.Source is not null);
        RuleFor(m => m.Source!.Publisher).NotEmpty().When(m => m.Source is not null);
        RuleFor(m => m.Source!.Quote).NotEmpty().When(m => m.Source is not null);
    }
}

internal sealed class FigureValidator : AbstractValidator<FigureSeed>
{
    public FigureValidator()
    {
        RuleFor(f => f.Key).Slug();
        RuleFor(f => f.Publisher).NotEmpty();
        RuleFor(f => f.Figure).NotNull();
        RuleFor(f => f.Unit).NotEmpty();
        RuleFor(f => f.Url).Must(u => u is null || SeedValidator.IsHttpUrl(u)).WithMessage("must be an absolute http(s) URL or null (then notes says why)");
        RuleFor(f => f.Notes).NotEmpty().When(f => f.Url is null).WithMessage("must say why there is no URL");
        RuleFor(f => f.PublishedOn).PartialDate();
        RuleFor(f => f.Quote).NotEmpty().ShortQuote();
    }
}

internal sealed class CountryValidator : AbstractValidator<CountrySeed>
{
    public CountryValidator()
    {
        RuleFor(c => c.Code).NotEmpty().Matches("^[A-Z]{2}$");
        RuleFor(c => c.Alpha3).NotEmpty().Matches("^[A-Z]{3}$");
        RuleFor(c => c.Name).NotEmpty();
        RuleFor(c => c.Region).NotEmpty();
        RuleFor(c => c.Lat).NotNull().InclusiveBetween(-90, 90);
        RuleFor(c => c.Lon).NotNull().InclusiveBetween(-180, 180);
    }
}

internal sealed class PlaceValidator : AbstractValidator<PlaceSeed>
{
    public PlaceValidator(SeedValidator.References refs)
    {
        RuleFor(p => p.Country).NotEmpty().Known(refs.Countries, "country code", "countries.yaml");
        RuleFor(p => p.City).NotEmpty();
        RuleFor(p => p.Lat).NotNull().InclusiveBetween(-90, 90);
        RuleFor(p => p.Lon).NotNull().InclusiveBetween(-180, 180);
    }
}

internal sealed class ReleaseValidator : AbstractValidator<ReleaseSeed>
{
    public ReleaseValidator()
    {
        RuleFor(r => r.Version).NotEmpty().MaximumLength(20).Matches(@"^[0-9]+(\.[0-9]+)*$").WithMessage("must be a release number such as 2.0");
        RuleFor(r => r.Date).Day();
        RuleFor(r => r.Summary).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class DatasetValidator : AbstractValidator<DatasetInfoSeed>
{
    public DatasetValidator()
    {
        RuleFor(d => d.Title).NotEmpty();
        RuleFor(d => d.License).NotEmpty();
        RuleFor(d => d.LicenseUrl).HttpUrl();
        RuleFor(d => d.Citation).NotEmpty();
    }
}
