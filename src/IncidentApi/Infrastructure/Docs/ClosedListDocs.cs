using System.Reflection;
using System.Text.Json.Nodes;
using IncidentApi.DataBuild;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>Adds the enum of each <see cref="ClosedListAttribute"/> property to its schema (items, for a list).</summary>
public sealed class ClosedListDocs : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } model) return;
        foreach (var (name, property) in model.Properties)
            if (context.Type.GetProperty(char.ToUpperInvariant(name[0]) + name[1..])?.GetCustomAttribute<ClosedListAttribute>() is { } closed
                && (property is OpenApiSchema { Items: OpenApiSchema items } ? items : property) is OpenApiSchema target)
            {
                target.Enum = closed.Values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
                if (target.Type?.HasFlag(JsonSchemaType.Null) == true) target.Enum.Add(null!);   // OpenAPI 3.0.3: a nullable enum lists null among its values
            }
    }
}
