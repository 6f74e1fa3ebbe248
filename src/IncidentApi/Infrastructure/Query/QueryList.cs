namespace IncidentApi.Infrastructure;

/// <summary>
/// A comma-separated query value ("CA,AU") that always binds, as its trimmed, non-empty items. Like
/// <see cref="QueryInt"/>, it leaves judging the items to the validator, which names the parameter in its 400.
/// The OpenAPI document shows it as an array (style form, explode false).
/// </summary>
public readonly record struct QueryList(string Raw, string[] Items)
{
    public static bool TryParse(string? value, out QueryList result)
    {
        result = new(value ?? "", (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return true;
    }

    public override string ToString() => Raw;
}
