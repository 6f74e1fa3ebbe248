using Microsoft.OpenApi;

namespace IncidentApi.Features.Stats;

/// <summary>
/// The schema of a /stats row, from the dimensions themselves: a row has the property of each dimension it is grouped
/// by (null for an unknown value), the name beside a code, and always count, incidents, people and peopleUnknown.
/// </summary>
public static class StatsRowSchema
{
    public static OpenApiSchema Create()
    {
        var properties = new Dictionary<string, IOpenApiSchema>();
        foreach (var (dimension, nameColumn) in StatsStore.Dimensions)
        {
            properties[dimension] = new OpenApiSchema
            {
                Type = (dimension == "year" ? JsonSchemaType.Integer : JsonSchemaType.String) | JsonSchemaType.Null,
                Format = dimension == "year" ? "int32" : null,
                Description = $"Present when groupBy names {dimension}: its value ({Meaning(dimension)}); null for incidents whose value is unknown.",
            };
            if (nameColumn is not null)
                properties[nameColumn] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null, Description = $"Present with {dimension}: its English name; null with a null {dimension}.",
                };
        }
        properties["count"] = Count("What the row counts: incidents, or people with measure=people.");
        properties["incidents"] = Count("Incidents in the group (an incident with two methods, or targets of two types, is in both groups).");
        properties["people"] = Count("People affected by those incidents, where the sources give a number.");
        properties["peopleUnknown"] = Count("Incidents in the group whose number of people is unknown.");
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One group of /stats: the groupBy dimensions' values (and names), then its counts.",
            Properties = properties,
            Required = new HashSet<string> { "count", "incidents", "people", "peopleUnknown" },
            AdditionalPropertiesAllowed = false,
        };
    }

    private static string Meaning(string dimension) => dimension switch
    {
        "year" => "the year of the incident's date",
        "month" => "YYYY-MM; null for an incident known only to a year",
        "country" or "originCountry" => "ISO 3166-1 alpha-2",
        "operation" or "method" => "a slug",
        _ => "as the filter of the same name takes it",
    };

    private static OpenApiSchema Count(string description) => new() { Type = JsonSchemaType.Integer, Format = "int64", Description = description };
}
