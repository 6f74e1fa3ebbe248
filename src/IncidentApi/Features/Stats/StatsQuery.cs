using FluentValidation;
using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Stats;

public sealed class StatsQuery : IncidentFilterQuery
{
    [ParamDoc("One or two dimensions, comma-separated: year, month, country, originCountry, operation, method, outcome, targetType, attribution, confidence.", Example = "year,country", MaxItems = 2, MaxLength = 40, Allowed = nameof(GroupByKeys))]
    public QueryList? GroupBy { get; set; }

    [ParamDoc("What each row's count counts: incidents (default) or people (the sum of the people each incident affected, where the sources give it; incidents without a number are counted in peopleUnknown).", Example = "people", MaxLength = 10, Allowed = nameof(Measures))]
    public string? Measure { get; set; }

    internal static IEnumerable<string> GroupByKeys => StatsStore.Dimensions.Keys;
    internal static IEnumerable<string> Measures => ["incidents", "people"];

    public string[] Dimensions => GroupBy is { Items.Length: > 0 } g ? g.Items : ["year"];
}

internal sealed class StatsQueryValidator : AbstractValidator<StatsQuery>
{
    public StatsQueryValidator(ReferenceData reference)
    {
        Include(new IncidentFilterRules(reference));
        RuleFor(q => q.GroupBy)
            .Must(g => g is not { Items: var d } || (d.Length is 1 or 2 && d.Distinct().Count() == d.Length && d.All(StatsStore.Dimensions.ContainsKey)))
            .WithMessage($"Must be one or two distinct dimensions of: {string.Join(", ", StatsStore.Dimensions.Keys)}.");
        RuleFor(q => q.Measure).Must(m => m is null || StatsQuery.Measures.Contains(m)).WithMessage("Must be incidents or people.");
    }
}
