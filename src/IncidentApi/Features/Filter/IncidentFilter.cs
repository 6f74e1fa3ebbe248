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
    /// is checked against every other condition, so the cost follows the most selective filter, not the dataset.
    /// </summary>
    public int[] Apply(IncidentIndex x, IReadOnlyDictionary<int, double>? text)
    {
        IncidentIndex.Field inferred(int i) => Stated ? x.Inferred[i] : IncidentIndex.Field.None;
        var host = Mask(x.Countries, Countries);
        var origin = Mask(x.Countries, Origins);
        var operation = Mask(x.Operations, Operations);
        var method = Mask(x.Methods, Methods);
        var (outcome, type, attribution) = (Mask(x.Words, Outcomes), Mask(x.Words, TargetTypes), Mask(x.Words, Attributions));
        var (confidence, region, subregion) = (Mask(x.Words, Confidences), Mask(x.Words, Regions), Mask(x.Words, Subregions));
        var (from, to) = (From?.DayNumber, To?.DayNumber);
        var (added, updated) = (AddedSince?.DayNumber, UpdatedSince?.DayNumber);

        bool Matches(int i)
        {
            var doubt = inferred(i);
            if (host is not null && !In(host, x.Host[i], doubt, IncidentIndex.Field.HostCountry)) return false;
            if (origin is not null && !In(origin, x.Origin[i], doubt, IncidentIndex.Field.OriginCountry)) return false;
            if (operation is not null && !In(operation, x.Operation[i], doubt, IncidentIndex.Field.Operation)) return false;
            if (outcome is not null && !In(outcome, x.Outcome[i], doubt, IncidentIndex.Field.Outcome)) return false;
            if (attribution is not null && !In(attribution, x.Attribution[i], doubt, IncidentIndex.Field.None)) return false;
            if (confidence is not null && !In(confidence, x.Confidence[i], doubt, IncidentIndex.Field.None)) return false;
            if (region is not null && !In(region, x.Region[i], doubt, IncidentIndex.Field.HostCountry)) return false;
            if (subregion is not null && !In(subregion, x.Subregion[i], doubt, IncidentIndex.Field.HostCountry)) return false;
            // Partial dates are periods: an incident matches when its period overlaps [from, to].
            if ((from is not null || to is not null) && (doubt.HasFlag(IncidentIndex.Field.Date) || x.DateEnd[i] < from || x.DateStart[i] > to)) return false;
            if (x.AddedOn[i] < added || x.UpdatedOn[i] < updated) return false;
            if (method is not null && !AnyMethod(i)) return false;
            if (type is not null && !AnyType(i, doubt)) return false;
            return text is null || text.ContainsKey(i);
        }
        bool AnyMethod(int i)
        {
            for (var m = x.MethodStart[i]; m < x.MethodStart[i + 1]; m++)
                if (method[x.MethodValues[m]] && !(Stated && x.MethodInferred[m])) return true;
            return false;
        }
        bool AnyType(int i, IncidentIndex.Field doubt)
        {
            for (var t = x.TypeStart[i]; t < x.TypeStart[i + 1]; t++)
                if (In(type, x.TypeValues[t], doubt, IncidentIndex.Field.TargetType)) return true;
            return false;
        }

        return Candidates(x, text).Where(Matches).ToArray();
    }

    // The smallest set every match must belong to: the text matches, or the union of one filter's posting lists.
    private IEnumerable<int> Candidates(IncidentIndex x, IReadOnlyDictionary<int, double>? text)
    {
        var lists = new (string Column, IncidentIndex.Codes Codes, string[]? Values)[]
        {
            ("host", x.Countries, Countries), ("origin", x.Countries, Origins), ("operation", x.Operations, Operations),
            ("method", x.Methods, Methods), ("outcome", x.Words, Outcomes), ("targetType", x.Words, TargetTypes),
            ("attribution", x.Words, Attributions), ("confidence", x.Words, Confidences), ("region", x.Words, Regions),
            ("subregion", x.Words, Subregions),
        }.Where(l => l.Values is not null)
         .Select(l => l.Values!.Select(v => x.Postings.GetValueOrDefault((l.Column, l.Codes.Find(v)), [])).ToArray())
         .MinBy(postings => postings.Sum(p => p.Length));
        if (text is not null && (lists is null || text.Count < lists.Sum(p => p.Length))) return text.Keys.Order();
        if (lists is null) return Enumerable.Range(0, x.Count);
        return lists.Length == 1 ? lists[0] : lists.SelectMany(p => p).Distinct().Order();
    }

    private static bool[]? Mask(IncidentIndex.Codes codes, string[]? values)
    {
        if (values is null) return null;
        var mask = new bool[codes.Size];
        foreach (var v in values)
            if (codes.Find(v) is var code and >= 0) mask[code] = true;
        return mask;
    }

    private static bool In(bool[] mask, short value, IncidentIndex.Field doubt, IncidentIndex.Field field) =>
        value >= 0 && mask[value] && (field == IncidentIndex.Field.None || !doubt.HasFlag(field));
}
