using System.Globalization;

namespace IncidentApi.DataBuild;

/// <summary>
/// A date known to a year, a month or a day ("2016", "2016-11", "2016-11-16"), as the period it covers.
/// Seeds and the API's from/to parameters share this one parser, so both accept exactly the same strings.
/// </summary>
public readonly record struct PartialDate(DateOnly Start, DateOnly End, string Precision)
{
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits (not any script's digits), nothing before or after, a real day.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (text is not { Length: 4 or 7 or 10 } || !Digits(text, 0, 4)
            || text.Length >= 7 && (text[4] != '-' || !Digits(text, 5, 2))
            || text.Length == 10 && (text[7] != '-' || !Digits(text, 8, 2))) return false;
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2100) return false;
        if (text.Length == 4) { date = new(new(year, 1, 1), new(year, 12, 31), "year"); return true; }
        var month = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return false;
        if (text.Length == 7)
        {
            var first = new DateOnly(year, month, 1);
            date = new(first, first.AddMonths(1).AddDays(-1), "month");
            return true;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        date = new(day, day, "day");
        return true;
    }

    private static bool Digits(string text, int start, int count)
    {
        for (var k = start; k < start + count; k++)
            if (text[k] is < '0' or > '9') return false;
        return true;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
