using FluentValidation;
using IncidentApi.Features.Incidents;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Stats;

public sealed class StatsQuery : IncidentFilterQuery
{
    [ParamDoc("One or two dimensions, comma-separated: year, month, country, originCountry, operation, method, outcome, targetType.", Example = "year,country", MaxItems = 2, MaxLength = 40, Enum = "groupBy")]
    public string? GroupBy { get; set; }

    public string[] Dimensions => List(GroupBy) ?? ["year"];
}

internal sealed class StatsQueryValidator : AbstractValidator<StatsQuery>
{
    public StatsQueryValidator(Catalog catalog)
    {
        Include(new IncidentFilterRules(catalog));
        RuleFor(q => q.GroupBy).MaximumLength(40)
            .Must(g => IncidentFilterQuery.List(g) is not { } d || (d.Length is 1 or 2 && d.Distinct().Count() == d.Length && d.All(StatsStore.Dimensions.ContainsKey)))
            .WithMessage($"Must be one or two distinct dimensions of: {string.Join(", ", StatsStore.Dimensions.Keys)}.");
    }
}
