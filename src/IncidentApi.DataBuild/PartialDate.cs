using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentApi.DataBuild;

/// <summary>
/// A date known to a year, a month or a day ("2016", "2016-11", "2016-11-16"), as the period it covers.
/// Seeds and the API's from/to parameters share this one parser, so both accept exactly the same strings.
/// </summary>
public readonly partial record struct PartialDate(DateOnly Start, DateOnly End, string Precision)
{
    // ASCII digits only (\d would admit any script's digits) and \z, not $, which would allow a trailing newline.
    [GeneratedRegex(@"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\z")]
    private static partial Regex Shape();

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (text is null || Shape().Match(text) is not { Success: true } m) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2100) return false;
        if (!m.Groups[2].Success) { date = new(new(year, 1, 1), new(year, 12, 31), "year"); return true; }
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return false;
        if (!m.Groups[3].Success)
        {
            var first = new DateOnly(year, month, 1);
            date = new(first, first.AddMonths(1).AddDays(-1), "month");
            return true;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        date = new(day, day, "day");
        return true;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
