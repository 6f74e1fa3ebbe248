using FluentValidation;
using IncidentApi.DataBuild;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Incidents;

/// <summary>The rules for the shared incident filters; included by every query that filters incidents.</summary>
internal sealed class IncidentFilterRules : AbstractValidator<IncidentFilterQuery>
{
    public IncidentFilterRules(Catalog catalog)
    {
        RuleFor(q => q.Q).MaximumLength(Limits.Text)
            .Must(q => string.IsNullOrWhiteSpace(q) || SearchText.ToMatch(q) is not null)
            .WithMessage("Must contain at least one letter or digit.");
        ListRule(q => q.Country, c => catalog.CountryCode(c) is not null, "Unknown country code(s): {0}. Use ISO 3166-1 alpha-2 or alpha-3, e.g. CA or CAN.");
        ListRule(q => q.OriginCountry, c => catalog.CountryCode(c) is not null, "Unknown country code(s): {0}. Use ISO 3166-1 alpha-2 or alpha-3, e.g. CN or CHN.");
        ListRule(q => q.Operation, catalog.IsOperation, "Unknown operation(s): {0}. See /api/v1/operations.");
        ListRule(q => q.Method, catalog.IsMethod, "Unknown method(s): {0}. See /api/v1/methods.");
        ListRule(q => q.Outcome, Vocabulary.Outcomes.Contains, $"Unknown outcome(s): {{0}}. Allowed: {string.Join(", ", Vocabulary.Outcomes)}.");
        ListRule(q => q.TargetType, Vocabulary.TargetTypes.Contains, $"Unknown target type(s): {{0}}. Allowed: {string.Join(", ", Vocabulary.TargetTypes)}.");
        RuleFor(q => q.From).MaximumLength(Limits.DateText).Must(BeADate).WithMessage("Must be a date YYYY, YYYY-MM or YYYY-MM-DD.");
        RuleFor(q => q.To).MaximumLength(Limits.DateText).Must(BeADate).WithMessage("Must be a date YYYY, YYYY-MM or YYYY-MM-DD.");
        RuleFor(q => q.From)
            .Must((q, from) => !PartialDate.TryParse(from, out var f) || !PartialDate.TryParse(q.To, out var t) || f.Start <= t.End)
            .WithMessage("Must not be after 'to'.");
    }

    private static bool BeADate(string? value) => string.IsNullOrEmpty(value) || PartialDate.TryParse(value, out _);

    private void ListRule(System.Linq.Expressions.Expression<Func<IncidentFilterQuery, string?>> property, Func<string, bool> isKnown, string message) =>
        RuleFor(property).MaximumLength(Limits.List)
            .Must(v => (IncidentFilterQuery.List(v)?.Length ?? 0) <= Limits.ListItems).WithMessage($"At most {Limits.ListItems} values.")
            .Must(v => IncidentFilterQuery.List(v)?.All(isKnown) ?? true)
            .WithMessage((_, v) => string.Format(System.Globalization.CultureInfo.InvariantCulture, message,
                string.Join(", ", IncidentFilterQuery.List(v)!.Where(x => !isKnown(x)).Take(5).Select(x => $"'{(x.Length > 20 ? x[..20] : x)}'"))));
}

internal sealed class IncidentQueryValidator : AbstractValidator<IncidentQuery>
{
    public IncidentQueryValidator(Catalog catalog)
    {
        Include(new IncidentFilterRules(catalog));
        RuleFor(q => q.Sort).Must(s => s is null || IncidentStore.SortSql.ContainsKey(s))
            .WithMessage("Must be date, country, id or relevance, optionally prefixed with '-'.")
            .Must((q, s) => s is null || !s.EndsWith("relevance", StringComparison.Ordinal) || !string.IsNullOrWhiteSpace(q.Q))
            .WithMessage("relevance needs a q to rank by.");
        RuleFor(q => q.Page).Must(p => p is null || p.Value.Number is >= 1 and <= Limits.MaxPage)
            .WithMessage($"Must be a whole number from 1 to {Limits.MaxPage}.");
        RuleFor(q => q.PageSize).Must(p => p is null || p.Value.Number is >= 1 and <= Limits.MaxPageSize)
            .WithMessage($"Must be a whole number from 1 to {Limits.MaxPageSize}.");
        RuleFor(q => q.Fields).MaximumLength(Limits.List)
            .Must(f => (IncidentFilterQuery.List(f)?.Length ?? 0) <= Limits.FieldItems).WithMessage($"At most {Limits.FieldItems} fields.")
            .Must(f => IncidentFilterQuery.List(f)?.All(IncidentDto.FieldNames.Contains) ?? true)
            .WithMessage($"Unknown field(s). Allowed: {string.Join(", ", IncidentDto.FieldNames)}.");
        RuleFor(q => q.Format).Must(f => f is null || OutputFormat.All.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage("Must be json, csv or geojson.");
    }
}
