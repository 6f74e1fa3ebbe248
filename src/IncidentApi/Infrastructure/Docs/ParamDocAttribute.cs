namespace IncidentApi.Infrastructure;

/// <summary>
/// Documents a query parameter in the OpenAPI document (read by <see cref="ParameterDocs"/>). Bounds come from
/// <see cref="Limits"/>, the same constants the validators enforce, so the document cannot drift from the rules.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParamDocAttribute(string description) : Attribute
{
    public string Description { get; } = description;
    public string? Example { get; init; }
    public int MaxLength { get; init; }
    /// <summary>A comma-separated any-of list: documented as an array (style form, explode false).</summary>
    public int MaxItems { get; init; }
    /// <summary>
    /// The name of a static member of the declaring type (or a base) that lists the allowed values, so the document's
    /// enum is the code's own table.
    /// </summary>
    public string? Allowed { get; init; }
    public string? Pattern { get; init; }
    public int Minimum { get; init; }
    public int Maximum { get; init; }
}

/// <summary>Input bounds shared by validators and documentation.</summary>
public static class Limits
{
    public const int Text = 200;
    public const int ListItems = 20;
    public const int FieldItems = 30;
    public const int List = 400;
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;
    public const int MaxPage = 1_000_000;
    public const int DateText = 10;
    public const string DatePattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
    /// <summary>Path segments: an incident id, an operation slug, a country code (alpha-2 or alpha-3).</summary>
    public const int Id = 200, Slug = 120, CountryCode = 3;
}
