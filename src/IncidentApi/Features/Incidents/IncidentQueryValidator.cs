using FluentValidation;
using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Incidents;

internal sealed class IncidentQueryValidator : AbstractValidator<IncidentQuery>
{
    public IncidentQueryValidator(ReferenceData reference)
    {
        Include(new IncidentFilterRules(reference));
        RuleFor(q => q.Sort).Must(s => s is null || IncidentOrder.Keys.Contains(s))
            .WithMessage("Must be date, country, id, relevance, addedOn or updatedOn, optionally prefixed with '-'.")
            .Must((q, s) => s is null || !s.EndsWith("relevance", StringComparison.Ordinal) || !string.IsNullOrWhiteSpace(q.Q))
            .WithMessage("relevance needs a q to rank by.");
        RuleFor(q => q.Page).Must(p => p is null || p.Value.Number is >= 1 and <= Limits.MaxPage)
            .WithMessage($"Must be a whole number from 1 to {Limits.MaxPage}.");
        RuleFor(q => q.PageSize).Must(p => p is null || p.Value.Number is >= 1 and <= Limits.MaxPageSize)
            .WithMessage($"Must be a whole number from 1 to {Limits.MaxPageSize}.");
        RuleFor(q => q.Fields).KnownItems(IncidentDto.FieldNames.Contains, $"Unknown field(s): {{0}}. Allowed: {string.Join(", ", IncidentDto.FieldNames)}.", Limits.FieldItems);
        RuleFor(q => q.Format).Must(f => f is null || IncidentQuery.Formats.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage($"Must be {string.Join(", ", IncidentQuery.Formats)}.");
    }
}
