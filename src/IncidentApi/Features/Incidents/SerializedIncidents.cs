using IncidentApi.Features.Filter;

namespace IncidentApi.Features.Incidents;

/// <summary>
/// Each incident's JSON, in memory. The builder serialized every incident once (incident_json) and the data never
/// changes while a file is served, so a page of a list is ready-made items put side by side: no rows read, objects
/// built or JSON written per request, which is what keeps a query nobody asked before (no response cache can answer
/// it) fast. Kept within a memory budget (Cache:IncidentJsonMegabytes, default 160: all of 100,000 synthetic incidents); past
/// it, items are read from the file per request. What is kept stays until the next dataset version, which starts empty.
/// </summary>
public sealed class SerializedIncidents(IConfiguration configuration)
{
    private readonly long _budget = configuration.GetValue("Cache:IncidentJsonMegabytes", 160L) * 1024 * 1024;
    private volatile Version? _current;

    private sealed class Version(IncidentIndex index)
    {
        public readonly IncidentIndex Index = index;
        public readonly RawJson?[] Items = new RawJson?[index.Count];
        public long Used;
    }

    /// <summary>The JSON of incidents <paramref name="ids"/> (index positions) in <paramref name="index"/>'s file, in that order, or null if any is not kept.</summary>
    public RawJson[]? TryGet(IncidentIndex index, ReadOnlySpan<int> ids)
    {
        if (_current is not { } version || version.Index != index) return null;
        var found = new RawJson[ids.Length];
        for (var k = 0; k < ids.Length; k++)
            if ((found[k] = version.Items[ids[k]]!) is null) return null;
        return found;
    }

    /// <summary>As <see cref="TryGet"/>, reading what is not kept through <paramref name="read"/> (in the order asked), and keeping it while the budget allows.</summary>
    public RawJson[] Get(IncidentIndex index, ReadOnlySpan<int> ids, Func<int[], IReadOnlyList<byte[]>> read)
    {
        var version = _current;
        if (version is null || version.Index != index) _current = version = new Version(index);
        var found = new RawJson[ids.Length];
        var missing = new List<int>();
        for (var k = 0; k < ids.Length; k++)
            if ((found[k] = version.Items[ids[k]]!) is null) missing.Add(k);
        if (missing.Count == 0) return found;
        var unread = new int[missing.Count];
        for (var m = 0; m < missing.Count; m++) unread[m] = ids[missing[m]];
        var rows = read(unread);
        for (var m = 0; m < missing.Count; m++)
        {
            var item = new RawJson(rows[m]);
            found[missing[m]] = item;
            if (Interlocked.Add(ref version.Used, item.Utf8.Length + 32) <= _budget) version.Items[unread[m]] = item;
        }
        return found;
    }
}
