using System.Globalization;

namespace IncidentApi.Infrastructure;

/// <summary>
/// An integer query value that always binds. With <c>int?</c>, <c>pageSize=abc</c> fails during binding, before
/// validation, and the client gets a 400 with no <c>errors</c>; here it binds with a null number and the validator
/// names the parameter. <see cref="ApiDocs"/> documents it as an integer.
/// </summary>
public readonly record struct QueryInt(int? Number)
{
    public static bool TryParse(string? value, out QueryInt result)
    {
        result = new(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null);
        return true;
    }
}
