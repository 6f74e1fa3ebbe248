using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

/// <summary>
/// A page of items that are already JSON (<see cref="RawJson"/>), written byte for byte as serializing the
/// <see cref="PagedResponse{T}"/> would write it, but with a Content-Length: the body goes out in the server's pooled
/// blocks instead of chunks sized by the serializer, so a large page allocates nothing per request but its envelope.
/// </summary>
public sealed class RawJsonPage(PagedResponse<RawJson> page) : IResult, IStatusCodeHttpResult
{
    private const int FlushEvery = 64 * 1024;   // hand a long page to the socket as it is written, not all at the end

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext http)
    {
        // The envelope with no items, {"data":[],"page":…,"links":…}, split around its empty array.
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var envelope = JsonSerializer.SerializeToUtf8Bytes(page with { Data = [] }, options);
        var open = "{\"data\":[".Length;
        var items = page.Data;
        var length = envelope.Length + items.Sum(i => (long)i.Utf8.Length) + Math.Max(0, items.Count - 1);

        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = length;
        // Headers first: bytes written before them are held aside and copied again once the headers go out.
        await response.StartAsync(http.RequestAborted);
        var body = response.BodyWriter;
        if (items.Count == 0) Put(body, envelope);
        for (var next = 0; next < items.Count;)
        {
            next = Write(body, envelope, open, items, next);
            if (next < items.Count) await body.FlushAsync(http.RequestAborted);
        }
        await body.FlushAsync(http.RequestAborted);
    }

    // Copies the items from `first` on (with the envelope's opening before the first and its closing after the last)
    // into the writer's own blocks, a block at a time, until about FlushEvery bytes; returns the next item to write.
    // One Advance per block, not per item: each takes the connection's output lock.
    private static int Write(PipeWriter body, byte[] envelope, int open, IReadOnlyList<RawJson> items, int first)
    {
        var block = new Block(body);
        if (first == 0) block.Put(envelope.AsSpan(0, open));
        var k = first;
        for (var written = 0; k < items.Count && written < FlushEvery; k++)
        {
            if (k > 0) block.Put(","u8);
            block.Put(items[k].Utf8);
            written += items[k].Utf8.Length;
        }
        if (k == items.Count) block.Put(envelope.AsSpan(open));
        block.Done();
        return k;
    }

    private static void Put(PipeWriter body, ReadOnlySpan<byte> bytes)
    {
        var block = new Block(body);
        block.Put(bytes);
        block.Done();
    }

    private ref struct Block(PipeWriter body)
    {
        private Span<byte> _free = body.GetSpan();
        private int _used;

        public void Put(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                if (_free.Length == _used)
                {
                    body.Advance(_used);
                    _free = body.GetSpan();
                    _used = 0;
                }
                var n = Math.Min(bytes.Length, _free.Length - _used);
                bytes[..n].CopyTo(_free[_used..]);
                _used += n;
                bytes = bytes[n..];
            }
        }

        public readonly void Done() => body.Advance(_used);
    }
}
