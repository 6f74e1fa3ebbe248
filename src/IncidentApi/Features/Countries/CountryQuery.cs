using FluentValidation;

namespace IncidentApi.Features.Countries;

public sealed class CountryQuery
{
    [ParamDoc("Region (e.g. Asia, Europe, Americas, Africa, Oceania); comma-separated = any of.", Example = "Asia", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public QueryList? Region { get; set; }

    [ParamDoc("true: only countries that host at least one incident; false: only those that host none.", Example = "true", MaxLength = 5, Allowed = nameof(Booleans))]
    public string? HasIncidents { get; set; }

    [ParamDoc("name (default) or -incidentCount (most incidents first); also -name and incidentCount. Ties break by code.", Example = "-incidentCount", MaxLength = 20, Allowed = nameof(Sorts))]
    public string? Sort { get; set; }

    internal static IEnumerable<string> Booleans => ["true", "false"];
    internal static IEnumerable<string> Sorts => CountryStore.SortSql.Keys;
}

internal sealed class CountryQueryValidator : AbstractValidator<CountryQuery>
{
    public CountryQueryValidator(ReferenceData reference)
    {
        RuleFor(q => q.Region).KnownItems(reference.IsRegion, $"Unknown region(s): {{0}}. Allowed: {string.Join(", ", reference.Regions)}.", suggest: reference.SuggestRegion);
        RuleFor(q => q.HasIncidents).Must(v => v is null || bool.TryParse(v, out _)).WithMessage("Must be true or false.");
        RuleFor(q => q.Sort).Must(s => s is null || CountryStore.SortSql.ContainsKey(s)).WithMessage("Must be name, -name, incidentCount or -incidentCount.");
    }
}
