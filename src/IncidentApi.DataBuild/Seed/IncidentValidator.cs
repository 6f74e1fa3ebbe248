using System.Text.RegularExpressions;
using FluentValidation;

namespace IncidentApi.DataBuild.Seed;

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
