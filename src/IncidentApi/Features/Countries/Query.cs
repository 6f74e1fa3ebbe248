using FluentValidation;
using IncidentApi.Features.Incidents;
using IncidentApi.Infrastructure;

namespace IncidentApi.Features.Countries;

public sealed class CountryQuery
{
    [ParamDoc("Region (e.g. Asia, Europe, Americas, Africa, Oceania); comma-separated = any of.", Example = "Asia", MaxItems = Limits.ListItems, MaxLength = Limits.List)]
    public string? Region { get; set; }

    [ParamDoc("true: only countries that host at least one incident; false: only those that host none.", Example = "true", MaxLength = 5, Enum = "boolean")]
    public string? HasIncidents { get; set; }

    [ParamDoc("name (default) or -incidentCount (most incidents first); also -name and incidentCount. Ties break by code.", Example = "-incidentCount", MaxLength = 20, Enum = "countrySort")]
    public string? Sort { get; set; }
}

internal sealed class CountryQueryValidator : AbstractValidator<CountryQuery>
{
    public CountryQueryValidator(Catalog catalog)
    {
        RuleFor(q => q.Region).MaximumLength(Limits.List)
            .Must(r => (IncidentFilterQuery.List(r)?.Length ?? 0) <= Limits.ListItems).WithMessage($"At most {Limits.ListItems} values.")
            .Must(r => IncidentFilterQuery.List(r)?.All(catalog.IsRegion) ?? true).WithMessage("Unknown region; see the region of any country in this list.");
        RuleFor(q => q.HasIncidents).Must(v => v is null || bool.TryParse(v, out _)).WithMessage("Must be true or false.");
        RuleFor(q => q.Sort).Must(s => s is null || CountryStore.SortSql.ContainsKey(s)).WithMessage("Must be name, -name, incidentCount or -incidentCount.");
    }
}
