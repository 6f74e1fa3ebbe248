using System.Text.RegularExpressions;
using FluentValidation;

namespace IncidentApi.DataBuild.Seed;

// The codebook's rules for the reference records: operations, methods, figures, countries, places, releases, the dataset.
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
