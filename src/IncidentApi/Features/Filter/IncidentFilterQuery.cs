using FluentValidation;
using IncidentApi.DataBuild;

namespace IncidentApi.Features.Filter;

/// <summary>
/// The incident filters of the contract, as query parameters, shared by /incidents, the country and operation
/// sub-lists and /stats: each filter's name, documentation, rule and normal form are here, and its SQL in
/// <see cref="IncidentFilter"/>. Adding a filter touches these two files only. Values are read only after
/// <see cref="IncidentFilterRules"/> has passed them (see <see cref="QueryChecks"/>).
/// </summary>
public class IncidentFilterQuery
{
    [ParamDoc("Full-text search over title, summary, people's names (Latin and Chinese script), places, operation and method names, and sources. Every word must match; OR between two words matches either; \"a phrase\" matches its words in order; a Latin word matches as a prefix and regardless of case, accents and plural; Chinese matches in simplified or traditional script; established variant spellings match each other (Uyghur/Uighur, Xinjiang/East Turkistan, Sky Net/Skynet). No other syntax: anything else is plain text.", Example = "extradition", MaxLength = Limits.Text)]
    public string? Q { get; set; }

    [ParamDoc("Host country (where the targeted person was), ISO 3166-1 alpha-2 or alpha-3, any case; comma-separated = any of. Incidents whose host country is unknown never match.", Example = "CA,AU", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public QueryList? Country { get; set; }

    [ParamDoc("The state that reached abroad, ISO 3166-1 alpha-2 or alpha-3; comma-separated = any of.", Example = "CN", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public QueryList? OriginCountry { get; set; }

    [ParamDoc("Operation or campaign slug (see /api/v1/operations); a parent includes its campaigns (sky-net includes sky-net-2021). Comma-separated = any of.", Example = "sky-net", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public QueryList? Operation { get; set; }

    [ParamDoc("Tactic slug (see /api/v1/methods); comma-separated = any of.", Example = "family-pressure,kidnapping", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public QueryList? Method { get; set; }

    [ParamDoc("Outcome; comma-separated = any of.", Example = "returned", MaxItems = Limits.ListItems, MaxLength = Limits.List, Allowed = nameof(Outcomes))]
    public QueryList? Outcome { get; set; }

    [ParamDoc("Type of the targeted person; comma-separated = any of.", Example = "fugitive-official", MaxItems = Limits.ListItems, MaxLength = Limits.List, Allowed = nameof(TargetTypes))]
    public QueryList? TargetType { get; set; }

    [ParamDoc("Region of the host country, as /api/v1/countries reports it (Africa, Americas, Asia, Europe, Oceania); comma-separated = any of.", Example = "Asia,Oceania", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public QueryList? Region { get; set; }

    [ParamDoc("Subregion of the host country, as /api/v1/countries reports it (e.g. South-Eastern Asia, Northern America); comma-separated = any of.", Example = "South-Eastern Asia", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public QueryList? Subregion { get; set; }

    [ParamDoc("How the origin state's role is established: acknowledged (by that state), judicial (a court or prosecutor in the host state), host-government, reported (independent reporting or research), alleged (unconfirmed); comma-separated = any of.", Example = "judicial,host-government", MaxItems = Limits.ListItems, MaxLength = Limits.List, Allowed = nameof(Attributions))]
    public QueryList? Attribution { get; set; }

    [ParamDoc("Confidence, as the codebook's rule allows it from the sources' kinds and independence; comma-separated = any of.", Example = "high", MaxItems = Limits.ListItems, MaxLength = Limits.List, Allowed = nameof(Confidences))]
    public QueryList? Confidence { get; set; }

    [ParamDoc("true: a value a curator read into the sources (listed in an incident's inferred) counts as unknown, so filters match, and /stats counts, only what the sources state. false (default): every value counts.", Example = "true", MaxLength = 5, Allowed = nameof(Booleans))]
    public string? Stated { get; set; }

    [ParamDoc("Inclusive lower date bound: YYYY, YYYY-MM or YYYY-MM-DD. An incident dated only to a year or month matches when that period overlaps the range.", Example = "2016", MaxLength = Limits.DateText, Pattern = Limits.DatePattern)]
    public string? From { get; set; }

    [ParamDoc("Inclusive upper date bound: YYYY, YYYY-MM or YYYY-MM-DD (to=2020 includes all of 2020).", Example = "2020-06", MaxLength = Limits.DateText, Pattern = Limits.DatePattern)]
    public string? To { get; set; }

    [ParamDoc("Only incidents first published on or after this date (addedOn): YYYY, YYYY-MM or YYYY-MM-DD, a partial date meaning its first day. What is new since a release.", Example = "2026-12", MaxLength = Limits.DateText, Pattern = Limits.DatePattern)]
    public string? AddedSince { get; set; }

    [ParamDoc("Only incidents added or corrected on or after this date (updatedOn): YYYY, YYYY-MM or YYYY-MM-DD. What changed since you last looked.", Example = "2026-11-27", MaxLength = Limits.DateText, Pattern = Limits.DatePattern)]
    public string? UpdatedSince { get; set; }

    internal static IEnumerable<string> Outcomes => Vocabulary.Outcomes;
    internal static IEnumerable<string> Attributions => Vocabulary.Attributions;
    internal static IEnumerable<string> Confidences => Vocabulary.Confidence;
    internal static IEnumerable<string> Booleans => ["true", "false"];
    internal static IEnumerable<string> TargetTypes => Vocabulary.TargetTypes;

    /// <summary>The normalised filter: codes as alpha-2, operations expanded to their campaigns, lists deduplicated.</summary>
    public IncidentFilter ToFilter(ReferenceData reference) => new(
        string.IsNullOrWhiteSpace(Q) ? null : SearchText.ToMatch(Q),
        Values(Country, c => reference.CountryCode(c)!),
        Values(OriginCountry, c => reference.CountryCode(c)!),
        Values(Operation, reference.OperationAndDescendants),
        Values(Method), Values(Outcome), Values(TargetType), Values(Attribution), Values(Confidence),
        Values(Region, r => reference.Region(r)!), Values(Subregion, r => reference.Subregion(r)!),
        Start(From), PartialDate.TryParse(To, out var to) ? to.End : null, Start(AddedSince), Start(UpdatedSince),
        bool.TryParse(Stated, out var stated) && stated);

    /// <summary>The filter's values in the order people say them (where, whose operation, which methods..., when): download names.</summary>
    public IEnumerable<string> Describe() =>
        new[] { Country, OriginCountry, Operation, Method, Outcome, TargetType, Attribution, Confidence, Region, Subregion }.SelectMany(l => l?.Items ?? [])
            .Append(From is null && To is null ? null : $"{From}-{To}".Trim('-'))
            .Append(AddedSince is null ? null : $"added-{AddedSince}").Append(UpdatedSince is null ? null : $"updated-{UpdatedSince}")
            .Append(string.IsNullOrWhiteSpace(Q) ? null : $"q-{Q}").Append(Stated == "true" ? "stated" : null)
            .OfType<string>();

    private static DateOnly? Start(string? date) => PartialDate.TryParse(date, out var d) ? d.Start : null;

    private static string[]? Values(QueryList? list, Func<string, string>? normalise = null) =>
        Values(list, v => [normalise is null ? v : normalise(v)]);

    private static string[]? Values(QueryList? list, Func<string, IEnumerable<string>> expand) =>
        list is not { Items.Length: > 0 } l ? null : l.Items.SelectMany(expand).Distinct().ToArray();
}

/// <summary>The rules for the shared incident filters; included by every query that filters incidents.</summary>
internal sealed class IncidentFilterRules : AbstractValidator<IncidentFilterQuery>
{
    public IncidentFilterRules(ReferenceData reference)
    {
        RuleFor(q => q.Q).MaximumLength(Limits.Text)
            .Must(q => string.IsNullOrWhiteSpace(q) || SearchText.ToMatch(q) is not null)
            .WithMessage("Must contain at least one letter or digit.");
        RuleFor(q => q.Country).KnownItems(c => reference.CountryCode(c) is not null, "Unknown country code(s): {0}. Use ISO 3166-1 alpha-2 or alpha-3, e.g. CA or CAN.", suggest: reference.SuggestCountry);
        RuleFor(q => q.OriginCountry).KnownItems(c => reference.CountryCode(c) is not null, "Unknown country code(s): {0}. Use ISO 3166-1 alpha-2 or alpha-3, e.g. CN or CHN.", suggest: reference.SuggestCountry);
        RuleFor(q => q.Operation).KnownItems(reference.IsOperation, "Unknown operation(s): {0}. See /api/v1/operations.", suggest: reference.SuggestOperation);
        RuleFor(q => q.Method).KnownItems(reference.IsMethod, "Unknown method(s): {0}. See /api/v1/methods.", suggest: reference.SuggestMethod);
        RuleFor(q => q.Outcome).KnownItems(Vocabulary.Outcomes.Contains, $"Unknown outcome(s): {{0}}. Allowed: {string.Join(", ", Vocabulary.Outcomes)}.",
            suggest: v => Suggestions.Closest(v, Vocabulary.Outcomes));
        RuleFor(q => q.TargetType).KnownItems(Vocabulary.TargetTypes.Contains, $"Unknown target type(s): {{0}}. Allowed: {string.Join(", ", Vocabulary.TargetTypes)}.",
            suggest: v => Suggestions.Closest(v, Vocabulary.TargetTypes));
        RuleFor(q => q.Region).KnownItems(r => reference.Region(r) is not null, $"Unknown region(s): {{0}}. Allowed: {string.Join(", ", reference.Regions)}.", suggest: reference.SuggestRegion);
        RuleFor(q => q.Subregion).KnownItems(r => reference.Subregion(r) is not null, "Unknown subregion(s): {0}. See the subregion of any country in /api/v1/countries.", suggest: reference.SuggestSubregion);
        RuleFor(q => q.Attribution).KnownItems(Vocabulary.Attributions.Contains, $"Unknown attribution(s): {{0}}. Allowed: {string.Join(", ", Vocabulary.Attributions)}.",
            suggest: v => Suggestions.Closest(v, Vocabulary.Attributions));
        RuleFor(q => q.Confidence).KnownItems(Vocabulary.Confidence.Contains, $"Unknown confidence(s): {{0}}. Allowed: {string.Join(", ", Vocabulary.Confidence)}.");
        RuleFor(q => q.Stated).Must(v => v is null || bool.TryParse(v, out _)).WithMessage("Must be true or false.");
        RuleFor(q => q.From).MaximumLength(Limits.DateText).Must(BeADate).WithMessage("Must be a date YYYY, YYYY-MM or YYYY-MM-DD.");
        RuleFor(q => q.To).MaximumLength(Limits.DateText).Must(BeADate).WithMessage("Must be a date YYYY, YYYY-MM or YYYY-MM-DD.");
        RuleFor(q => q.AddedSince).MaximumLength(Limits.DateText).Must(BeADate).WithMessage("Must be a date YYYY, YYYY-MM or YYYY-MM-DD.");
        RuleFor(q => q.UpdatedSince).MaximumLength(Limits.DateText).Must(BeADate).WithMessage("Must be a date YYYY, YYYY-MM or YYYY-MM-DD.");
        RuleFor(q => q.From)
            .Must((q, from) => !PartialDate.TryParse(from, out var f) || !PartialDate.TryParse(q.To, out var t) || f.Start <= t.End)
            .WithMessage("Must not be after 'to'.");
    }

    private static bool BeADate(string? value) => string.IsNullOrEmpty(value) || PartialDate.TryParse(value, out _);
}
