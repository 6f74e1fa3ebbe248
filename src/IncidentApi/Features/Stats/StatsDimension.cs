using System.Globalization;
using IncidentApi.Features.Filter;
using Field = IncidentApi.Features.Filter.IncidentIndex.Field;

namespace IncidentApi.Features.Stats;

/// <summary>
/// One groupBy dimension over an index: each incident's distinct values as small numbers below <see cref="Size"/>
/// (0 is unknown), so counting a match is indexing an array; and the value a row shows for each number. With stated, a
/// value a curator read into the sources is unknown.
/// </summary>
internal sealed class StatsDimension
{
    /// <summary>Writes an incident's numbers into the buffer (room for <see cref="Size"/>) and returns how many.</summary>
    public delegate int CodesOf(int incident, Span<int> into);

    public required int Size { get; init; }
    public required CodesOf Codes { get; init; }
    public required Func<int, object?> Value { get; init; }

    /// <summary>No second dimension: one row per value of the first.</summary>
    public static readonly StatsDimension None = new() { Size = 1, Codes = (_, into) => { into[0] = 0; return 1; }, Value = _ => null };

    public static StatsDimension For(IncidentIndex x, string dimension, bool stated)
    {
        bool Doubt(int i, Field field) => stated && (x.Inferred[i] & field) != 0;
        int Year(int i) => DateOnly.FromDayNumber(x.DateStart[i]).Year - x.FirstYear;   // periods start in FirstYear or later
        var years = x.EndsInOrAfter.Length;
        StatsDimension One(short[] column, Field field, IncidentIndex.Codes codes) => new()
        {
            Size = codes.Size + 1,
            Codes = (i, into) => { into[0] = Doubt(i, field) ? 0 : column[i] + 1; return 1; },   // IncidentIndex.None (-1) is 0
            Value = n => n == 0 ? null : codes.Name((short)(n - 1)),
        };
        StatsDimension Many(short[] values, Func<int, (int Start, int End)> range, Func<int, int, bool> doubt, IncidentIndex.Codes codes, bool noneIsUnknown) => new()
        {
            Size = codes.Size + 1,
            Codes = (i, into) =>
            {
                var (count, (start, end)) = (0, range(i));
                for (var v = start; v < end; v++)
                {
                    var code = doubt(i, v) || values[v] < 0 ? 0 : values[v] + 1;
                    if (!into[..count].Contains(code)) into[count++] = code;   // two targets of one type count once
                }
                if (count == 0 && noneIsUnknown) into[count++] = 0;
                return count;
            },
            Value = n => n == 0 ? null : codes.Name((short)(n - 1)),
        };
        return dimension switch
        {
            "year" => new()
            {
                Size = years + 1,
                Codes = (i, into) => { into[0] = Doubt(i, Field.Date) ? 0 : Year(i) + 1; return 1; },
                Value = n => n == 0 ? null : x.FirstYear + n - 1,
            },
            "month" => new()   // null for incidents known only to a year
            {
                Size = years * 12 + 1,
                Codes = (i, into) => { into[0] = Doubt(i, Field.Date) || x.YearOnly[i] ? 0 : Year(i) * 12 + DateOnly.FromDayNumber(x.DateStart[i]).Month; return 1; },
                Value = n => n == 0 ? null : new DateOnly(x.FirstYear + (n - 1) / 12, (n - 1) % 12 + 1, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            },
            "country" => One(x.Host, Field.HostCountry, x.Countries),
            "originCountry" => One(x.Origin, Field.OriginCountry, x.Countries),
            "operation" => One(x.Operation, Field.Operation, x.Operations),
            "outcome" => One(x.Outcome, Field.Outcome, x.Words),
            "attribution" => One(x.Attribution, Field.None, x.Words),
            "confidence" => One(x.Confidence, Field.None, x.Words),
            "region" => One(x.Region, Field.HostCountry, x.Words),
            "subregion" => One(x.Subregion, Field.HostCountry, x.Words),
            "method" => Many(x.MethodValues, i => (x.MethodStart[i], x.MethodStart[i + 1]), (_, m) => stated && x.MethodInferred[m], x.Methods, false),   // no method: no row
            _ => Many(x.TypeValues, i => (x.TypeStart[i], x.TypeStart[i + 1]), (i, _) => Doubt(i, Field.TargetType), x.Words, true),   // targetType: none typed is unknown
        };
    }
}
