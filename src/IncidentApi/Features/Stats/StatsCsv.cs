using CsvHelper;
using IncidentApi.Features.Incidents;

namespace IncidentApi.Features.Stats;

/// <summary>The rows of /stats as a spreadsheet: the dimensions with their names, then count, incidents, people, peopleUnknown.</summary>
internal sealed class StatsCsv(StatsDto stats, string fileName) : Download(fileName, "text/csv; charset=utf-8")
{
    protected override async Task WriteAsync(Stream body, CancellationToken cancel)
    {
        var columns = stats.GroupBy.SelectMany(d => StatsStore.Dimensions[d] is { } name ? new[] { d, name } : [d])
            .Concat(["count", "incidents", "people", "peopleUnknown"]).ToArray();
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true);
        foreach (var c in columns) csv.WriteField(c);
        await csv.EndRecordAsync(cancel);
        foreach (var row in stats.Rows)
        {
            foreach (var c in columns) csv.WriteField(CsvDownload.Neutralise(row[c]?.ToString()));
            await csv.EndRecordAsync(cancel);
        }
        await csv.FlushAsync(cancel);
    }
}
