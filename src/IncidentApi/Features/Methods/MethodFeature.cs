using Dapper;

namespace IncidentApi.Features.Methods;

/// <summary>The source of a method's definition.</summary>
/// <param name="Url">The page, or null when it was not retrieved (the publisher says which document).</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Quote">A verbatim extract.</param>
public sealed record MethodSourceDto(string? Url, string Publisher, string Quote);

/// <summary>A tactic of the taxonomy.</summary>
/// <param name="Slug">Its slug: the method filter takes it.</param>
/// <param name="Name">English name (with the Chinese term where there is one).</param>
/// <param name="Definition">What it means, in the curators' words.</param>
/// <param name="Source">A source for the definition.</param>
/// <param name="IncidentCount">Incidents with this method (an incident with two methods counts under each).</param>
public sealed record MethodDto(string Slug, string Name, string Definition, MethodSourceDto Source, long IncidentCount);

public sealed class MethodStore(Db db)
{
    public IReadOnlyList<MethodDto> List()
    {
        using var connection = db.Open();
        return connection.Query<MethodRow>("""
            SELECT m.slug, m.name, m.definition, m.source_url, m.source_publisher, m.source_quote,
                (SELECT COUNT(*) FROM incident_methods WHERE method = m.slug) AS incident_count
            FROM methods AS m ORDER BY m.slug
            """).Select(r => new MethodDto(r.Slug, r.Name, r.Definition, new(r.SourceUrl, r.SourcePublisher, r.SourceQuote), r.IncidentCount)).ToList();
    }

    private sealed class MethodRow
    {
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
        public string Definition { get; init; } = "";
        public string? SourceUrl { get; init; }
        public string SourcePublisher { get; init; } = "";
        public string SourceQuote { get; init; } = "";
        public long IncidentCount { get; init; }
    }
}

public static class MethodEndpoints
{
    // Not MapMethods: that name already belongs to ASP.NET Core.
    public static void MapMethodTaxonomy(this RouteGroupBuilder v1) =>
        v1.MapGroup("/methods").WithTags("Methods").MapRead("/", List).WithName("ListMethods")
            .WithSummary("The tactic taxonomy")
            .WithDescription("Each method with our definition, a source for it, and the number of incidents that used it (an incident with two methods counts under each).");

    public static Ok<IReadOnlyList<MethodDto>> List(MethodStore store) => TypedResults.Ok(store.List());
}
