using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace IncidentApi.Infrastructure;

/// <summary>The query parameter names an endpoint knows, and the 400 for one it does not ("did you mean 'country'?").</summary>
public static class QueryNames
{
    public static FrozenSet<string> Of(Type? queryType) =>
        queryType is null ? FrozenSet<string>.Empty
        : queryType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, string[]> Unknown(IEnumerable<string> given, FrozenSet<string> known)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var name in given.Where(n => !known.Contains(n)))
        {
            var key = name.Length > 50 ? name[..50] : name;   // never echo an unbounded string back
            errors[key] = [Suggestions.Closest(name, known) is { } closest
                ? $"Unknown parameter '{key}'; did you mean '{closest}'?"
                : known.Count == 0 ? $"Unknown parameter '{key}'; this endpoint takes no query parameters."
                : $"Unknown parameter '{key}'. Known parameters: {string.Join(", ", known.Order(StringComparer.Ordinal))}."];
        }
        return errors;
    }
}
