using FluentValidation;
using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Stats;

public sealed class StatsQuery : IncidentFilterQuery, IFormatQuery
{
    [ParamDoc("One or two dimensions, comma-separated: year, month, country, originCountry, operation, method, outcome, targetType, attribution, confidence, region, subregion. Rows carry names beside codes (countryName, originCountryName, operationName, methodName).", Example = "year,country", MaxItems = 2, MaxLength = 40, Allowed = nameof(GroupByKeys))]
    public QueryList? GroupBy { get; set; }

    [ParamDoc("What each row's count counts: incidents (default) or people (the sum of the people each incident affected, where the sources give it; incidents without a number are counted in peopleUnknown).", Example = "people", MaxLength = 10, Allowed = nameof(Measures))]
    public string? Measure { get; set; }

    [ParamDoc("true: add zero rows for every year or month between the first and last (or from and to) that has none, for time-series charts; needs year or month in groupBy.", Example = "true", MaxLength = 5, Allowed = nameof(Booleans))]
    public string? Fill { get; set; }

    [ParamDoc("Output format: json (default) or csv (a spreadsheet of the rows, names beside codes); overrides the Accept header.", Example = "csv", MaxLength = 10, Allowed = nameof(Formats))]
    public string? Format { get; set; }

    public static string[] Formats { get; } = [OutputFormat.Json, OutputFormat.Csv];

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
        RuleFor(q => q.Format).Must(f => f is null || StatsQuery.Formats.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase)).WithMessage("Must be json or csv.");
        RuleFor(q => q.Measure).Must(m => m is null || StatsQuery.Measures.Contains(m)).WithMessage("Must be incidents or people.");
        RuleFor(q => q.Fill).Must(v => v is null || bool.TryParse(v, out _)).WithMessage("Must be true or false.")
            .Must((q, v) => !bool.TryParse(v, out var fill) || !fill || q.Dimensions.Any(d => d is "year" or "month"))
            .WithMessage("Needs year or month in groupBy: only a time series has gaps to fill.");
    }
}
