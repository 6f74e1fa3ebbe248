namespace IncidentApi.Infrastructure;

/// <summary>
/// Admits a key to a cache the second time it is seen. A long tail of one-off requests (a new filter, a new q, every
/// time) then never fills a cache at the expense of what people do ask for again, nor keeps the garbage collector busy
/// with entries evicted unread. It remembers the last key's hash in each of a few thousand slots: a collision only
/// costs one entry not kept, never a wrong answer.
/// </summary>
public sealed class Doorkeeper(int slots = 4096)
{
    private readonly int[] _seen = new int[slots];

    public bool SeenBefore(string key)
    {
        var hash = key.GetHashCode();
        ref var slot = ref _seen[(uint)hash % (uint)_seen.Length];
        if (slot == hash) return true;
        slot = hash;
        return false;
    }
}
