using System.Globalization;
using FluentValidation;

namespace IncidentApi.Infrastructure;

/// <summary>The bounds every comma-separated parameter shares, and "which of these values are unknown".</summary>
public static class QueryListRules
{
    public static IRuleBuilderOptions<T, QueryList?> Bounded<T>(this IRuleBuilder<T, QueryList?> rule, int maxItems = Limits.ListItems) =>
        rule.Must(v => v is null || v.Value.Raw.Length <= Limits.List).WithMessage($"Must be at most {Limits.List} characters.")
            .Must(v => v is null || v.Value.Items.Length <= maxItems).WithMessage($"At most {maxItems} values.");

    /// <summary>
    /// Bounded, and every item known; the message's {0} lists (up to five of) the unknown ones, each with the closest
    /// known value when <paramref name="suggest"/> finds one ("'UK' (did you mean 'GB'?)").
    /// </summary>
    public static IRuleBuilderOptions<T, QueryList?> KnownItems<T>(this IRuleBuilder<T, QueryList?> rule, Func<string, bool> isKnown, string message,
        int maxItems = Limits.ListItems, Func<string, string?>? suggest = null) =>
        rule.Bounded(maxItems)
            .Must(v => v is null || v.Value.Items.All(isKnown))
            .WithMessage((_, v) => string.Format(CultureInfo.InvariantCulture, message,
                string.Join(", ", v!.Value.Items.Where(x => !isKnown(x)).Take(5)
                    .Select(x => $"'{(x.Length > 20 ? x[..20] : x)}'{Suggestions.DidYouMean(suggest?.Invoke(x))}"))));
}
