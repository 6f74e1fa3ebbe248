using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Marks a response property whose values come from a closed list in code (a static member of <paramref name="source"/>),
/// so the document shows it as an enum and a generated client gets a union type, not a bare string.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ClosedListAttribute(Type source, string member) : Attribute
{
    public IEnumerable<string> Values => (IEnumerable<string>)(source.GetField(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
        ?? source.GetProperty(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!);

    /// <summary>Adds the enum to each marked property's schema (items, for a list).</summary>
    public sealed class Docs : ISchemaFilter
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
}
