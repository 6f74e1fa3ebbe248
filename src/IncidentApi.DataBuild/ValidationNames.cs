using FluentValidation;

namespace IncidentApi.DataBuild;

/// <summary>
/// FluentValidation names a failing property in its messages through one process-wide resolver. Seeds and query
/// parameters are both camelCase ("target.name", "pageSize"), so the builder and the API set the same one, here.
/// </summary>
public static class ValidationNames
{
    public static void UseCamelCase() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : CamelPath(member.Name);

    /// <summary>"Sources[0].Quote" -> "sources[0].quote", the names as written in YAML and query strings.</summary>
    public static string CamelPath(string path) => Names.GetOrAdd(path, static p =>
        string.Join('.', p.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..])));

    // Asked for every property of every validated request: the few distinct paths are worked out once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
}
