using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentApi.Infrastructure;

/// <summary>Where this page sits in the list.</summary>
/// <param name="Number">This page, 1-based.</param>
/// <param name="Size">Items per page (the pageSize asked for).</param>
/// <param name="TotalItems">Every match, on all pages.</param>
/// <param name="TotalPages">The number of pages (at least 1).</param>
public sealed record PageInfo(int Number, int Size, long TotalItems, long TotalPages);

/// <summary>The list's pages: absolute where the service knows its public address (Proxy settings), else relative.</summary>
/// <param name="Self">This page.</param>
/// <param name="First">The first page.</param>
/// <param name="Prev">The page before, or null on the first.</param>
/// <param name="Next">The page after, or null on the last.</param>
/// <param name="Last">The last page.</param>
public sealed record PageLinks(string Self, string First, string? Prev, string? Next, string Last);

/// <summary>The envelope of every paged list: data, page and links (the same links also go in an RFC 8288 Link header).</summary>
/// <param name="Data">The items of this page.</param>
/// <param name="Page">Where this page sits in the list.</param>
/// <param name="Links">Links to this and the neighbouring pages.</param>
public sealed record PagedResponse<T>(IReadOnlyList<T> Data, PageInfo Page, PageLinks Links);

public static class Paging
{
    public static PagedResponse<T> Respond<T>(HttpContext http, IReadOnlyList<T> data, int number, int size, long total)
    {
        var pages = Math.Max(1, (total + size - 1) / size);
        var root = Proxies.LinkBase(http);   // absolute only from configuration or a trusted proxy, never a client's Host
        // The request's own query, re-encoded once, with page= in its place (or last): only the number differs per link.
        var (before, after) = ("", "");
        var seenPage = false;
        foreach (var (key, values) in QueryHelpers.ParseQuery(http.Request.QueryString.Value))
        {
            if (key == "page") { seenPage = true; continue; }
            var pairs = new QueryBuilder(values.Select(v => KeyValuePair.Create(key, v ?? ""))).ToString()[1..];
            if (seenPage) after += "&" + pairs; else before += pairs + "&";
        }
        var prefix = $"{root}{http.Request.PathBase}{http.Request.Path}?{before}page=";
        string Url(long page) => prefix + page.ToString(System.Globalization.CultureInfo.InvariantCulture) + after;
        var links = new PageLinks(Url(number), Url(1), number > 1 ? Url(Math.Min(number - 1, pages)) : null,
            number < pages ? Url(number + 1) : null, Url(pages));
        http.Response.Headers.Link = string.Join(", ", new[] { ("self", links.Self), ("first", links.First), ("prev", links.Prev), ("next", links.Next), ("last", links.Last) }
            .Where(l => l.Item2 is not null).Select(l => $"<{l.Item2}>; rel=\"{l.Item1}\""));
        return new(data, new(number, size, total, pages), links);
    }

    /// <summary>OpenAPI: a paged list's 200 carries its links in a Link header too.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Parameters?.Any(p => p.Name == "page") != true || operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok) return;
            (ok.Headers ??= new Dictionary<string, IOpenApiHeader>())["Link"] = new OpenApiHeader
            {
                Description = "RFC 8288 links of a paged JSON list: self, first, prev, next, last (the same as links in the body).", Schema = OperationDocs.Text(4000),
            };
        }
    }
}
