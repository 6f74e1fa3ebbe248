using System.Globalization;
using CsvHelper;

namespace IncidentApi.Features.Incidents;

/// <summary>RFC 4180 with a header row and a UTF-8 BOM (so spreadsheets read Chinese names); lists joined with ';'.</summary>
internal sealed class CsvDownload(IEnumerable<IncidentDto> incidents, string[]? fields, int sourceSets, string fileName)
    : IncidentDownload(incidents, fields, fileName, "text/csv; charset=utf-8")
{
    // Column, the top-level field it belongs to (for fields=), its value, and whether it is free text.
    private static readonly (string Name, string Field, Func<IncidentDto, string?> Value, bool Text)[] Columns =
    [
        ("id", "id", i => i.Id, true), ("title", "title", i => i.Title, true),
        ("date", "date", i => i.Date, false), ("datePrecision", "datePrecision", i => i.DatePrecision, false),
        ("dateMeaning", "dateMeaning", i => i.DateMeaning, true),
        ("operation", "operation", i => i.Operation?.Slug, false), ("operationName", "operation", i => i.Operation?.Name, true),
        ("originCountry", "originCountry", i => i.OriginCountry.Code, false), ("originCountryName", "originCountry", i => i.OriginCountry.Name, true),
        ("hostCountry", "hostCountry", i => i.HostCountry?.Code, false), ("hostCountryName", "hostCountry", i => i.HostCountry?.Name, true),
        ("city", "city", i => i.City, true),
        ("lat", "location", i => i.Location?.Lat.ToString(CultureInfo.InvariantCulture), false),
        ("lon", "location", i => i.Location?.Lon.ToString(CultureInfo.InvariantCulture), false),
        ("locationPrecision", "location", i => i.Location?.Precision, false),
        // v1's columns for the deprecated target, which is the first of targets.
        ("targetName", "target", i => i.Targets.FirstOrDefault()?.Name, true), ("targetNameZh", "target", i => i.Targets.FirstOrDefault()?.NameZh, true),
        ("targetType", "target", i => i.Targets.FirstOrDefault()?.Type, false),
        ("methods", "methods", i => string.Join(';', i.Methods), false), ("outcome", "outcome", i => i.Outcome, false),
        ("summary", "summary", i => i.Summary, true), ("confidence", "confidence", i => i.Confidence, false),
        ("notes", "notes", i => i.Notes, true),
        ("sourceUrls", "sources", i => string.Join(';', i.Sources.Select(s => s.Url)), true),
        ("sourcePublishers", "sources", i => string.Join(';', i.Sources.Select(s => s.Publisher)), true),
        ("sourceCount", "sources", i => i.Sources.Count.ToString(CultureInfo.InvariantCulture), false),
        ("addedOn", "addedOn", i => i.AddedOn, false), ("updatedOn", "updatedOn", i => i.UpdatedOn, false),
        // Codebook v2, appended so that v1 readers' column positions hold. Lists are joined with ';', in targets' order.
        ("targetNames", "targets", i => string.Join(';', i.Targets.Select(t => t.Name)), true),
        ("targetNamesZh", "targets", i => string.Join(';', i.Targets.Select(t => t.NameZh)), true),
        ("targetTypes", "targets", i => string.Join(';', i.Targets.Select(t => t.Type)), false),
        ("people", "people", i => i.People?.ToString(CultureInfo.InvariantCulture), false),
        ("attribution", "attribution", i => i.Attribution, false),
        ("inferred", "inferred", i => string.Join(';', i.Inferred), false),
        ("sourceKinds", "sources", i => string.Join(';', i.Sources.Select(s => s.Kind)), false),
    ];

    // One column set per source (source1Url, source1Publisher, source1Kind, source1Quote, source2Url, ...), so that
    // each quote stays beside its URL in a spreadsheet; as many sets as the most-sourced incident here needs.
    private static IEnumerable<(string Name, string Field, Func<IncidentDto, string?> Value, bool Text)> SourceSets(int count) =>
        Enumerable.Range(0, count).SelectMany(n => new (string, string, Func<IncidentDto, string?>, bool)[]
        {
            ($"source{n + 1}Url", "sources", i => n < i.Sources.Count ? i.Sources[n].Url : null, true),
            ($"source{n + 1}Publisher", "sources", i => n < i.Sources.Count ? i.Sources[n].Publisher : null, true),
            ($"source{n + 1}Kind", "sources", i => n < i.Sources.Count ? i.Sources[n].Kind : null, false),
            ($"source{n + 1}Quote", "sources", i => n < i.Sources.Count ? i.Sources[n].Quote : null, true),
        });

    protected override async Task WriteAsync(Stream body, CancellationToken cancel)
    {
        var columns = Columns.Concat(SourceSets(sourceSets)).Where(c => Keep(c.Field)).ToArray();
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true);
        foreach (var c in columns) csv.WriteField(c.Name);
        await csv.EndRecordAsync(cancel);
        var rows = 0;
        foreach (var incident in Incidents)
        {
            foreach (var c in columns) csv.WriteField(c.Text ? Neutralise(c.Value(incident)) : c.Value(incident));
            await csv.EndRecordAsync(cancel);   // writes out only when its buffer is mostly full: memory stays flat
            if (++rows == 100) await csv.FlushAsync(cancel);   // first bytes early
        }
        await csv.FlushAsync(cancel);
    }

    // A spreadsheet would run a cell starting with = + - @ (or tab/CR) as a formula: prefix it with a quote (OWASP).
    internal static string? Neutralise(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
}
