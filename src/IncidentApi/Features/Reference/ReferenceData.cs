using System.Collections.Frozen;
using Dapper;

namespace IncidentApi.Features.Reference;

/// <summary>
/// The small reference tables (countries, operations, methods) and the dataset version, read once per database
/// file: the data never changes while a file is served, so validators and stores look codes and slugs up in memory.
/// A replaced file (see <see cref="Db.Generation"/>) is read again on the next request.
/// </summary>
public sealed class ReferenceData(Db db)
{
    private volatile Snapshot? _current;

    private sealed record Snapshot(int Generation, Tables Tables);

    private Tables Current
    {
        get
        {
            var generation = db.Generation;
            if (_current is { } current && current.Generation == generation) return current.Tables;
            var tables = Load(db);
            _current = new(generation, tables);
            return tables;
        }
    }

    public sealed record Country(string Code, string Alpha3, string Name, string Region, string? Subregion);
    private sealed record Operation(string Slug, string Name, string? Parent);
    private sealed record Tables(
        string Version,
        DateOnly ReleaseDate,
        FrozenDictionary<string, Country> CountryByCode,
        FrozenDictionary<string, string> Regions,
        FrozenDictionary<string, string> Subregions,
        FrozenDictionary<string, string[]> OperationWithDescendants,
        FrozenDictionary<string, string> OperationNames,
        FrozenDictionary<string, string> Methods);

    /// <summary>The dataset version of the database being served.</summary>
    public string Version => Current.Version;

    /// <summary>The date of the release the database holds: every response's Last-Modified.</summary>
    public DateOnly ReleaseDate => Current.ReleaseDate;

    /// <summary>The alpha-2 code for an alpha-2 or alpha-3 code in any case, or null when it is not a known country.</summary>
    public string? CountryCode(string code) => Current.CountryByCode.GetValueOrDefault(code.Trim())?.Code;

    public bool IsRegion(string region) => Region(region) is not null;

    /// <summary>A region as the countries table spells it, for a name in any case; null when no country is in it.</summary>
    public string? Region(string region) => Current.Regions.GetValueOrDefault(region.Trim());

    public string? Subregion(string subregion) => Current.Subregions.GetValueOrDefault(subregion.Trim());

    public IEnumerable<string> Regions => Current.Regions.Values.Distinct().Order(StringComparer.Ordinal);

    // Codes people use that ISO does not: the United Kingdom's, and the EU's for Greece.
    private static readonly Dictionary<string, string> CountryAliases = new(StringComparer.OrdinalIgnoreCase) { ["UK"] = "GB", ["EL"] = "GR" };

    /// <summary>The country code someone most likely meant: an alias (UK), or a country's name, spelled nearly right.</summary>
    public string? SuggestCountry(string value)
    {
        if (CountryAliases.TryGetValue(value.Trim(), out var alias)) return alias;
        var byName = Current.CountryByCode.Values.DistinctBy(c => c.Code).ToDictionary(c => c.Name, c => c.Code);
        return Suggestions.Closest(value, byName.Keys) is { } name ? byName[name] : null;
    }

    public string? SuggestOperation(string value) => Suggestions.Closest(value, Current.OperationWithDescendants.Keys);

    public string? SuggestMethod(string value) => Suggestions.Closest(value, Current.Methods.Keys);

    public string? SuggestRegion(string value) => Suggestions.Closest(value, Current.Regions.Values.Distinct());

    public string? SuggestSubregion(string value) => Suggestions.Closest(value, Current.Subregions.Values.Distinct());

    /// <summary>A country's English name by alpha-2 code, for rows that carry names beside codes.</summary>
    public string? CountryName(string code) => Current.CountryByCode.GetValueOrDefault(code)?.Name;

    public bool IsOperation(string slug) => Current.OperationWithDescendants.ContainsKey(slug.Trim());

    /// <summary>
    /// The operation and all its campaigns, so that a parent includes its children. Empty for an unknown slug, which
    /// validation rules out unless the file was swapped between validation and this call.
    /// </summary>
    public IEnumerable<string> OperationAndDescendants(string slug) => Current.OperationWithDescendants.GetValueOrDefault(slug.Trim()) ?? [];

    public bool IsMethod(string slug) => Current.Methods.ContainsKey(slug.Trim());

    public string? OperationName(string slug) => Current.OperationNames.GetValueOrDefault(slug);

    public string? MethodName(string slug) => Current.Methods.GetValueOrDefault(slug);

    private static Tables Load(Db db)
    {
        using var connection = db.Open();
        var countries = connection.Query<Country>("SELECT code, alpha3, name, region, subregion FROM countries").ToList();
        var byCode = countries.Select(c => KeyValuePair.Create(c.Code, c))
            .Concat(countries.Select(c => KeyValuePair.Create(c.Alpha3, c)))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        var operations = connection.Query<Operation>("SELECT slug, name, parent FROM operations").ToList();
        var tree = operations.ToFrozenDictionary(o => o.Slug, o => Descendants(o.Slug, operations).Prepend(o.Slug).ToArray());
        var methods = connection.Query<(string Slug, string Name)>("SELECT slug, name FROM methods").ToFrozenDictionary(m => m.Slug, m => m.Name);
        var version = connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'version'")!;
        var release = DateOnly.ParseExact(connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'releaseDate'")!, "yyyy-MM-dd");
        static FrozenDictionary<string, string> Spelling(IEnumerable<string?> names) =>
            names.OfType<string>().Distinct().ToFrozenDictionary(n => n, StringComparer.OrdinalIgnoreCase);
        return new(version, release, byCode, Spelling(countries.Select(c => c.Region)), Spelling(countries.Select(c => c.Subregion)), tree,
            operations.ToFrozenDictionary(o => o.Slug, o => o.Name), methods);
    }

    private static IEnumerable<string> Descendants(string slug, List<Operation> all) =>
        all.Where(o => o.Parent == slug).SelectMany(o => Descendants(o.Slug, all).Prepend(o.Slug));
}
