using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using IncidentApi.DataBuild;

namespace IncidentApi.Features.Releases;

/// <summary>GET /api/v1/changes: what was added, changed and withdrawn since a release or a date.</summary>
public sealed class ChangesQuery
{
    [ParamDoc("A release version (changes in the releases after it) or a date YYYY, YYYY-MM or YYYY-MM-DD (changes in releases dated on or after it). Without it, every change since the first release.", Example = "1.0", MaxLength = 20)]
    public string? Since { get; set; }

    [ParamDoc("1-based page number.", Example = "1", Minimum = 1, Maximum = Limits.MaxPage)]
    public QueryInt? Page { get; set; }

    [ParamDoc("Changes per page, 1 to 500 (default 100).", Example = "100", Minimum = 1, Maximum = Limits.MaxPageSize)]
    public QueryInt? PageSize { get; set; }
}

internal sealed class ChangesQueryValidator : AbstractValidator<ChangesQuery>
{
    public ChangesQueryValidator(ReleaseStore releases)
    {
        RuleFor(q => q.Since).MaximumLength(20)
            .Must(s => s is null || PartialDate.TryParse(s, out _) || releases.IsVersion(s))
            .WithMessage("Must be a release version (see /api/v1/releases) or a date YYYY, YYYY-MM or YYYY-MM-DD.");
        RuleFor(q => q.Page).Must(p => p is null || p.Value.Number is >= 1 and <= Limits.MaxPage).WithMessage($"Must be a whole number from 1 to {Limits.MaxPage}.");
        RuleFor(q => q.PageSize).Must(p => p is null || p.Value.Number is >= 1 and <= Limits.MaxPageSize).WithMessage($"Must be a whole number from 1 to {Limits.MaxPageSize}.");
    }
}

public static class ReleaseEndpoints
{
    public static void MapReleases(this RouteGroupBuilder v1)
    {
        var releases = v1.MapGroup("/releases").WithTags("Releases");
        releases.MapRead("/", List).WithName("ListReleases")
            .WithSummary("Every release of the data, newest first, with its counts")
            .WithDescription("Releases are dated and immutable: each lists the records it added, changed and withdrew. /api/v1/dataset names the current one.");
        releases.MapRead("/{version}", Get).WithName("GetRelease")
            .WithSummary("One release with every id it added, changed (and what changed) and withdrew (why, and what replaces it)")
            .WithDescription("version is a release number such as 2.0; an unknown one is a 404. Each withdrawn id answers 410 at /api/v1/incidents/{id}.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapRead("/changes", Changes).WithTags("Releases").WithName("ListChanges")
            .WithSummary("What changed since a release or a date: added, changed and withdrawn ids, in the order they happened")
            .WithDescription("A withdrawn id answers 410 at /api/v1/incidents/{id}, naming the record that replaced it. Paged like /incidents.");
    }

    public static Ok<ReleaseListDto> List(ReleaseStore store) => TypedResults.Ok(store.List());

    public static Results<Ok<ReleaseDto>, ProblemHttpResult> Get(
        [Description("A release version, e.g. 2.0 (see /api/v1/releases).")] [StringLength(20, MinimumLength = 1)] string version, ReleaseStore store) =>
        version.Length <= 20 && store.Get(version) is { } release ? TypedResults.Ok(release)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No release has this version; see /api/v1/releases.");

    public static Ok<PagedResponse<ChangeDto>> Changes([AsParameters] ChangesQuery query, ReleaseStore store, HttpContext http)
    {
        var (page, size) = (query.Page?.Number ?? 1, query.PageSize?.Number ?? 100);
        var since = query.Since;
        var (version, date) = since is null ? (null, null) : PartialDate.TryParse(since, out var d) ? (null, PartialDate.Iso(d.Start)) : (since, (string?)null);
        var (items, total) = store.Changes(version, date, page, size);
        return TypedResults.Ok(Paging.Respond(http, items, page, size, total));
    }
}
