using System.ServiceModel.Syndication;
using System.Xml;

namespace IncidentApi.Features.Incidents;

/// <summary>
/// An Atom 1.0 feed (RFC 4287) of the incidents a filter matches, most recently updated first, one page at a time
/// (RFC 5005 next/previous links), so a reader subscribes to "new cases in Canada" in any feed reader. Entry ids are
/// tag URIs from the incident id, stable across replicas and hosts; links are absolute where the service knows its
/// public address (Proxy settings), relative to the feed otherwise.
/// </summary>
internal sealed class AtomFeed(IReadOnlyList<IncidentDto> incidents, PageLinks links, string title, string? root, DateOnly release)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string MediaType = "application/atom+xml";
    public int? StatusCode => StatusCodes.Status200OK;
    public string ContentType => MediaType + "; charset=utf-8";

    public async Task ExecuteAsync(HttpContext http)
    {
        var updated = incidents.Count > 0 ? Day(incidents.Max(i => i.UpdatedOn)!) : new DateTimeOffset(release.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var feed = new SyndicationFeed(title, "Transnational repression incidents matching this filter, most recently added or corrected first.",
            Link(links.Self), Tag("feed", root is null ? links.Self : links.Self[root.Length..]), updated)
        {
            Generator = "IncidentApi",
            Copyright = new TextSyndicationContent("Curation CC BY 4.0; quoted excerpts remain the property of their publishers."),
        };
        feed.Authors.Add(new SyndicationPerson { Name = "IncidentApi curators" });
        feed.Links.Add(new SyndicationLink(Link(links.Self), "self", title, MediaType, 0));
        if (links.Next is { } next) feed.Links.Add(new SyndicationLink(Link(next), "next", "Next page", MediaType, 0));
        if (links.Prev is { } prev) feed.Links.Add(new SyndicationLink(Link(prev), "previous", "Previous page", MediaType, 0));
        feed.Items = incidents.Select(Entry).ToList();

        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
            feed.SaveAsAtom10(xml);
        http.Response.ContentType = ContentType;
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private SyndicationItem Entry(IncidentDto i)
    {
        var self = $"/api/v1/incidents/{Uri.EscapeDataString(i.Id)}";
        var item = new SyndicationItem(i.Title, i.Summary, Link(self), Tag("incident", i.Id), Day(i.UpdatedOn))
        {
            PublishDate = Day(i.AddedOn),
        };
        item.Categories.Add(new SyndicationCategory(i.OriginCountry.Code, "https://www.iso.org/iso-3166-country-codes.html", $"Origin: {i.OriginCountry.Name}"));
        if (i.HostCountry is { } host) item.Categories.Add(new SyndicationCategory(host.Code, "https://www.iso.org/iso-3166-country-codes.html", $"Host: {host.Name}"));
        if (i.Operation is { } operation) item.Categories.Add(new SyndicationCategory(operation.Slug, null, operation.Name));
        foreach (var method in i.Methods) item.Categories.Add(new SyndicationCategory(method));
        foreach (var source in i.Sources) item.Links.Add(new SyndicationLink(new Uri(source.Url), "related", source.Publisher, null, 0));
        return item;
    }

    // Paging links already carry the root when there is one; entry links are paths.
    private Uri Link(string link) => Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
        ? absolute : root is null ? new Uri(link, UriKind.Relative) : new Uri(root + link);

    // tag: URIs (RFC 4151) from the dataset's own names: the same on every replica and behind any proxy.
    private static string Tag(string kind, string id) => $"tag:incidentapi,2026:{kind}:{id}";

    private static DateTimeOffset Day(string isoDate) => new(DateOnly.ParseExact(isoDate, "yyyy-MM-dd").ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
