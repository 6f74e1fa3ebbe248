namespace IncidentApi.Features.Filter;

/// <summary>
/// A normalised incident filter (see <see cref="IncidentFilterQuery.ToFilter"/>) and how it is applied to an
/// <see cref="IncidentIndex"/>. A null list means "no filter", an empty one "matches nothing". With Stated, only what
/// the sources state counts: a value listed in an incident's inferred counts as unknown, for filters and stats alike.
/// </summary>
public sealed record IncidentFilter(
    string? Match, string[]? Countries, string[]? Origins, string[]? Operations, string[]? Methods,
    string[]? Outcomes, string[]? TargetTypes, string[]? Attributions, string[]? Confidences, string[]? Regions, string[]? Subregions,
    DateOnly? From, DateOnly? To, DateOnly? AddedSince, DateOnly? UpdatedSince, bool Stated)
{
    /// <summary>Equal for filters that match the same incidents: lists are any-of, so their order is normalised away.</summary>
    public string Key => string.Join('|', Match, Join(Countries), Join(Origins), Join(Operations), Join(Methods), Join(Outcomes),
        Join(TargetTypes), Join(Attributions), Join(Confidences), Join(Regions), Join(Subregions), From, To, AddedSince, UpdatedSince, Stated);

    private static string Join(string[]? values) => values is null ? "*" : string.Join(',', values.Order(StringComparer.Ordinal));

    public IncidentFilter WithCountry(string code) => this with { Countries = Countries is null ? [code] : Countries.Intersect([code]).ToArray() };
    public IncidentFilter WithOperations(string[] slugs) => this with { Operations = Operations is null ? slugs : Operations.Intersect(slugs).ToArray() };

    /// <summary>
    /// The indexes of the matching incidents, ascending (id order). <paramref name="text"/> holds the full-text matches
    /// (index to rank) when the filter has a query. The smallest candidate set (a posting list, or the text matches)
    /// is narrowed by every other condition in turn, each a tight loop over the columns it reads, so the cost follows
    /// the most selective filter, not the dataset.
    /// </summary>
    public int[] Apply(IncidentIndex x, IReadOnlyDictionary<int, double>? text)
    {
        var (candidates, from) = Candidates(x, text);
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, candidates.Length));
        try
        {
            candidates.CopyTo(buffer);
            var ids = buffer.AsSpan(0, candidates.Length);
            var doubt = Stated ? x.Inferred : null;   // with Stated, an inferred value counts as unknown
            // The candidates' own column needs no second look, unless Stated may still rule some of them out.
            bool Check(string column) => column != from || doubt is not null;
            if (Check("host")) ids = Keep(ids, x, "host", x.Countries, Countries, doubt, IncidentIndex.Field.HostCountry);
            if (Check("origin")) ids = Keep(ids, x, "origin", x.Countries, Origins, doubt, IncidentIndex.Field.OriginCountry);
            if (Check("operation")) ids = Keep(ids, x, "operation", x.Operations, Operations, doubt, IncidentIndex.Field.Operation);
            if (Check("outcome")) ids = Keep(ids, x, "outcome", x.Words, Outcomes, doubt, IncidentIndex.Field.Outcome);
            if (from != "attribution") ids = Keep(ids, x, "attribution", x.Words, Attributions, null, IncidentIndex.Field.None);
            if (from != "confidence") ids = Keep(ids, x, "confidence", x.Words, Confidences, null, IncidentIndex.Field.None);
            if (Check("region")) ids = Keep(ids, x, "region", x.Words, Regions, doubt, IncidentIndex.Field.HostCountry);
            if (Check("subregion")) ids = Keep(ids, x, "subregion", x.Words, Subregions, doubt, IncidentIndex.Field.HostCountry);
            if (From is not null || To is not null) ids = KeepPeriod(ids, x, From, To, doubt);
            if (AddedSince is { } added) ids = KeepSince(ids, x.AddedOn, added.DayNumber);
            if (UpdatedSince is { } updated) ids = KeepSince(ids, x.UpdatedOn, updated.DayNumber);
            if (Mask(x.Methods, Methods) is { } methods) ids = KeepMethods(ids, x, methods, Stated);
            if (Mask(x.Words, TargetTypes) is { } types) ids = KeepTypes(ids, x, types, doubt);
            if (text is not null) ids = KeepText(ids, text);
            return ids.ToArray();
        }
        finally { System.Buffers.ArrayPool<int>.Shared.Return(buffer); }
    }

    // Each Keep* moves the ids that pass to the front of the span and returns that part.
    // A one-value column: an incident passes when its bit is set in the bitmap of any of the values. A few bitmaps are
    // tested one after another; many are first merged into one, in a pooled buffer.
    private static Span<int> Keep(Span<int> ids, IncidentIndex x, string column, IncidentIndex.Codes codes, string[]? values,
        IncidentIndex.Field[]? doubt, IncidentIndex.Field field)
    {
        if (values is null) return ids;
        var bitmaps = values.Select(v => x.Bitmaps.GetValueOrDefault((column, codes.Find(v)))).OfType<ulong[]>().ToArray();
        if (bitmaps.Length == 0) return [];
        ulong[]? merged = null;
        if (bitmaps.Length > 4)
        {
            merged = System.Buffers.ArrayPool<ulong>.Shared.Rent(bitmaps[0].Length);
            bitmaps[0].CopyTo(merged, 0);
            foreach (var other in bitmaps.AsSpan(1))
                for (var w = 0; w < other.Length; w++) merged[w] |= other[w];
            bitmaps = [merged];
        }
        var kept = 0;
        foreach (var i in ids)
        {
            if (doubt is not null && (doubt[i] & field) != 0) continue;
            foreach (var bits in bitmaps)
                if ((bits[i >> 6] & (1UL << i)) != 0) { ids[kept++] = i; break; }
        }
        if (merged is not null) System.Buffers.ArrayPool<ulong>.Shared.Return(merged);
        return ids[..kept];
    }

    // Partial dates are periods: an incident matches when its period overlaps [from, to]. The year bitmaps answer for
    // whole years; days inside the first or last year are then checked against the dates themselves.
    private static Span<int> KeepPeriod(Span<int> ids, IncidentIndex x, DateOnly? from, DateOnly? to, IncidentIndex.Field[]? doubt)
    {
        ulong[]? ends = null, starts = null;   // null: no condition on that side
        if (from is { } f)
        {
            var y = f.Year - x.FirstYear;
            if (y >= x.EndsInOrAfter.Length) return [];   // after every period's end
            if (y >= 0) ends = x.EndsInOrAfter[y];
        }
        if (to is { } t)
        {
            var y = t.Year - x.FirstYear;
            if (y < 0) return [];   // before every period's start
            if (y < x.StartsInOrBefore.Length) starts = x.StartsInOrBefore[y];
        }
        var kept = 0;
        foreach (var i in ids)
            if ((ends is null || (ends[i >> 6] & (1UL << i)) != 0) && (starts is null || (starts[i >> 6] & (1UL << i)) != 0)
                && (doubt is null || (doubt[i] & IncidentIndex.Field.Date) == 0)) ids[kept++] = i;
        ids = ids[..kept];
        var wholeYears = (from is null || from is { Month: 1, Day: 1 }) && (to is null || to is { Month: 12, Day: 31 });
        if (wholeYears) return ids;
        var (first, last) = (from?.DayNumber ?? int.MinValue, to?.DayNumber ?? int.MaxValue);
        kept = 0;
        foreach (var i in ids)
            if (x.DateEnd[i] >= first && x.DateStart[i] <= last) ids[kept++] = i;
        return ids[..kept];
    }

    private static Span<int> KeepSince(Span<int> ids, int[] day, int since)
    {
        var kept = 0;
        foreach (var i in ids)
            if (day[i] >= since) ids[kept++] = i;
        return ids[..kept];
    }

    private static Span<int> KeepMethods(Span<int> ids, IncidentIndex x, bool[] mask, bool stated)
    {
        var kept = 0;
        foreach (var i in ids)
            for (var m = x.MethodStart[i]; m < x.MethodStart[i + 1]; m++)
                if (mask[x.MethodValues[m]] && !(stated && x.MethodInferred[m])) { ids[kept++] = i; break; }
        return ids[..kept];
    }

    private static Span<int> KeepTypes(Span<int> ids, IncidentIndex x, bool[] mask, IncidentIndex.Field[]? doubt)
    {
        var kept = 0;
        foreach (var i in ids)
        {
            if (doubt is not null && (doubt[i] & IncidentIndex.Field.TargetType) != 0) continue;
            for (var t = x.TypeStart[i]; t < x.TypeStart[i + 1]; t++)
                if (x.TypeValues[t] is var v and >= 0 && mask[v]) { ids[kept++] = i; break; }
        }
        return ids[..kept];
    }

    private static Span<int> KeepText(Span<int> ids, IReadOnlyDictionary<int, double> text)
    {
        var kept = 0;
        foreach (var i in ids)
            if (text.ContainsKey(i)) ids[kept++] = i;
        return ids[..kept];
    }

    // The smallest set every match must belong to: the text matches, or the union of one filter's posting lists;
    // with the column it came from ("text", a posting column, or null for every incident).
    private (int[] Ids, string? Column) Candidates(IncidentIndex x, IReadOnlyDictionary<int, double>? text)
    {
        (string Column, int[][] Lists, long Size)? smallest = null;
        void Consider(string column, IncidentIndex.Codes codes, string[]? values)
        {
            if (values is null) return;
            var lists = values.Select(v => x.Postings.GetValueOrDefault((column, codes.Find(v)), [])).ToArray();
            var size = lists.Sum(p => (long)p.Length);
            if (smallest is null || size < smallest.Value.Size) smallest = (column, lists, size);
        }
        Consider("host", x.Countries, Countries);
        Consider("origin", x.Countries, Origins);
        Consider("operation", x.Operations, Operations);
        Consider("method", x.Methods, Methods);
        Consider("outcome", x.Words, Outcomes);
        Consider("targetType", x.Words, TargetTypes);
        Consider("attribution", x.Words, Attributions);
        Consider("confidence", x.Words, Confidences);
        Consider("region", x.Words, Regions);
        Consider("subregion", x.Words, Subregions);

        if (text is not null && (smallest is null || text.Count < smallest.Value.Size)) return (text.Keys.Order().ToArray(), "text");
        if (smallest is not { } best) return (x.Ranks["id"], null);   // every incident, in id order
        return (best.Lists.Length == 1 ? best.Lists[0] : best.Lists.SelectMany(p => p).Distinct().Order().ToArray(), best.Column);
    }

    private static bool[]? Mask(IncidentIndex.Codes codes, string[]? values)
    {
        if (values is null) return null;
        var mask = new bool[codes.Size];
        foreach (var v in values)
            if (codes.Find(v) is var code and >= 0) mask[code] = true;
        return mask;
    }
}
