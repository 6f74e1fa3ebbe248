using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>What the Docs filters beside each mechanism share: adding a problem response, and header schemas.</summary>
public static class OperationDocs
{
    public static bool IsApi(OperationFilterContext context) => context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;

    /// <summary>Adds a response (a problem details body when <paramref name="problem"/> is given) unless the operation declares it.</summary>
    public static void Respond(OpenApiOperation operation, string status, string description, OperationFilterContext context,
        Type? problem = null, Dictionary<string, IOpenApiHeader>? headers = null)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.Responses.ContainsKey(status)) return;
        var response = new OpenApiResponse { Description = description, Headers = headers };
        if (problem is not null)
            response.Content = new Dictionary<string, IOpenApiMediaType>
            {
                [ProblemResponses.MediaType] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(problem, context.SchemaRepository) },
            };
        operation.Responses[status] = response;
    }

    public static Dictionary<string, IOpenApiHeader> Headers(params (string Name, IOpenApiHeader Header)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Header);

    public static OpenApiSchema Text(int maxLength) => new() { Type = JsonSchemaType.String, MaxLength = maxLength };

    public static OpenApiSchema Const(string value) => new() { Type = JsonSchemaType.String, Enum = [JsonValue.Create(value)!] };
}
