using System.Buffers;
using System.Text.Json;

namespace IncidentApi.Features.Incidents;

/// <summary>Newline-delimited JSON for data pipelines: one incident per line (as /incidents/{id} shows it), streamed.</summary>
internal sealed class NdjsonDownload(IEnumerable<IncidentDto> incidents, string[]? fields, string fileName)
    : IncidentDownload(incidents, fields, fileName, "application/x-ndjson")
{
    private readonly bool _sparse = fields is not null;

    protected override async Task WriteAsync(Stream body, CancellationToken cancel)
    {
        // Each line is built in memory, then written asynchronously: the serializer flushes synchronously, which
        // Kestrel forbids on the response stream.
        var line = new ArrayBufferWriter<byte>(4096);
        await using var json = new Utf8JsonWriter(line, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var rows = 0;
        foreach (var incident in Incidents)
        {
            if (!_sparse) JsonSerializer.Serialize(json, incident, ApiJsonContext.Default.IncidentDto);
            else
            {
                var node = JsonSerializer.SerializeToNode(incident, ApiJsonContext.Default.IncidentDto)!.AsObject();
                foreach (var name in node.Select(p => p.Key).Where(k => !Keep(k)).ToList()) node.Remove(name);
                node.WriteTo(json);
                json.Flush();
            }
            line.Write("\n"u8);
            await body.WriteAsync(line.WrittenMemory, cancel);
            line.ResetWrittenCount();
            json.Reset(line);
            if (++rows % 100 == 0) await body.FlushAsync(cancel);
        }
        await body.FlushAsync(cancel);
    }
}
