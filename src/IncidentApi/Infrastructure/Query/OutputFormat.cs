using Microsoft.Net.Http.Headers;

namespace IncidentApi.Infrastructure;

/// <summary>Content negotiation: the <c>format</c> parameter wins, else the Accept header, else JSON.</summary>
public static class OutputFormat
{
    public const string Json = "json", Csv = "csv", GeoJson = "geojson", Ndjson = "ndjson", Atom = "atom";
    public static readonly string[] JsonOnly = [Json];
    /// <summary>Every format any endpoint produces; each query record names its own (<see cref="IFormatQuery.Formats"/>).</summary>
    public static readonly string[] All = [Json, Csv, GeoJson, Ndjson, Atom];

    public static string MediaType(string format) => format switch
    {
        Csv => "text/csv",
        GeoJson => "application/geo+json",
        Ndjson => "application/x-ndjson",
        Atom => "application/atom+xml",
        _ => "application/json",
    };

    /// <summary>The negotiated format of this request; the checks in <see cref="QueryChecks"/> have already ruled out a 406.</summary>
    public static string Of(HttpRequest request, string? format, IReadOnlyCollection<string> supported) => Negotiate(request, format, supported) ?? Json;

    /// <summary>The format to answer in, or null when nothing the client accepts can be produced (406).</summary>
    public static string? Negotiate(HttpRequest request, string? format, IReadOnlyCollection<string> supported)
    {
        if (!string.IsNullOrEmpty(format)) return supported.FirstOrDefault(f => f.Equals(format.Trim(), StringComparison.OrdinalIgnoreCase));
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0) return Json;
        foreach (var range in ranges.Where(r => r.Quality is not 0).OrderByDescending(r => r.Quality ?? 1))   // stable: ties keep header order
        {
            var type = range.MediaType.Value?.ToLowerInvariant();
            var match = type switch
            {
                "*/*" or "application/*" or "application/json" or "application/problem+json" => Json,
                "text/csv" or "text/*" => Csv,
                "application/geo+json" => GeoJson,
                "application/x-ndjson" => Ndjson,
                "application/atom+xml" => Atom,
                _ => null,
            };
            if (match is not null && supported.Contains(match)) return match;
        }
        return null;
    }
}
