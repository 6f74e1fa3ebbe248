using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Descriptions, examples, bounds and enums of every parameter, from the code that binds it: a query parameter's
/// <see cref="ParamDocAttribute"/>, a path parameter's [Description], [StringLength] and [RegularExpression].
/// </summary>
public sealed class ParameterDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Path) DescribePath(parameter, context.MethodInfo);
            else if (QueryProperty(context, parameter.Name ?? "")?.GetCustomAttribute<ParamDocAttribute>() is { } doc) DescribeQuery(parameter, doc, context, parameter.Name ?? "");
        }
    }

    // The longest value each handler looks up; anything longer (or not matching) is a 404.
    private static void DescribePath(OpenApiParameter parameter, MethodInfo handler)
    {
        var info = handler.GetParameters().FirstOrDefault(p => p.Name == parameter.Name);
        if (info is null) return;
        parameter.Description ??= info.GetCustomAttribute<DescriptionAttribute>()?.Description;
        var length = info.GetCustomAttribute<StringLengthAttribute>();
        parameter.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String, MinLength = length?.MinimumLength, MaxLength = length?.MaximumLength,
            Pattern = info.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern,
        };
    }

    private static void DescribeQuery(OpenApiParameter parameter, ParamDocAttribute doc, OperationFilterContext context, string name)
    {
        parameter.Description = doc.Description;
        // The example has the schema's type: a number, a list (comma-separated on the wire), or a string.
        parameter.Example = doc.Minimum > 0 && int.TryParse(doc.Example, out var number) ? JsonValue.Create(number)
            : doc.MaxItems > 0 && doc.Example is not null ? new JsonArray(doc.Example.Split(',').Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())
            : JsonValue.Create(doc.Example);
        var item = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = doc.Pattern };
        if (doc.Allowed is not null) item.Enum = AllowedValues(QueryProperty(context, name)!.DeclaringType!, doc.Allowed).Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
        if (doc.MaxLength > 0) item.MaxLength = doc.MaxLength;   // of a list, it bounds the whole value, so each item too
        if (doc.Minimum > 0 || doc.Maximum > 0)
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = doc.Minimum.ToString(), Maximum = doc.Maximum.ToString() };
        else if (doc.MaxItems > 0)
        {
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = item, MaxItems = doc.MaxItems };
            parameter.Style = ParameterStyle.Form;
            parameter.Explode = false;
        }
        else parameter.Schema = item;
    }

    private static IEnumerable<string> AllowedValues(Type type, string member) =>
        (IEnumerable<string>)(type.GetProperty(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            ?? throw new InvalidOperationException($"{type.Name} has no static {member} listing allowed values")).GetValue(null)!;

    private static PropertyInfo? QueryProperty(OperationFilterContext context, string name)
    {
        var description = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return (description?.ParameterDescriptor as Microsoft.AspNetCore.Http.Metadata.IParameterBindingMetadata)?.ParameterInfo?.Member as PropertyInfo
            ?? context.MethodInfo.GetParameters().Where(p => p.IsDefined(typeof(AsParametersAttribute)))
                .SelectMany(p => p.ParameterType.GetProperties())
                .FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }
}
