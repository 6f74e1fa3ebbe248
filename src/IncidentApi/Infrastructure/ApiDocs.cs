using System.Reflection;
using IncidentApi.DataBuild;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>Swashbuckle: the document at /swagger/v1/swagger.json (committed as openapi/v1.json) and Swagger UI at /swagger.</summary>
public static class ApiDocs
{
    /// <summary>Closed lists named by <see cref="ParamDocAttribute.Enum"/>.</summary>
    public static readonly Dictionary<string, string[]> Enums = new()
    {
        ["outcome"] = Vocabulary.Outcomes,
        ["targetType"] = Vocabulary.TargetTypes,
        ["sort"] = ["date", "-date", "country", "-country", "id", "-id", "relevance", "-relevance"],
        ["countrySort"] = ["name", "-name", "incidentCount", "-incidentCount"],
        ["format"] = OutputFormat.All,
        ["boolean"] = ["true", "false"],
        ["groupBy"] = ["year", "month", "country", "originCountry", "operation", "method", "outcome", "targetType"],
        ["field"] = Features.Incidents.IncidentDto.FieldNames,
    };

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "IncidentApi",
                Version = "v1",
                Description = "A public, read-only API over a curated, sourced dataset of transnational repression incidents " +
                    "(first focus: the PRC's Operation Fox Hunt and Operation Sky Net). Every incident carries sources with verbatim quotes. " +
                    "GET and HEAD only; every 200 has a strong ETag derived from the dataset version (If-None-Match gives 304) and " +
                    "Cache-Control: public, max-age=300. Errors are RFC 9457 problem details; a 400 lists each bad parameter under errors, " +
                    "and an unknown query parameter is a 400 that suggests the closest known one. Responses are gzip/br compressed on request; " +
                    "CORS allows any origin. A per-client rate limit answers 429 with Retry-After.",
                License = new OpenApiLicense { Name = "Data: CC BY 4.0 (see /api/v1/dataset)" },
            });
            // MapRead registers GET and HEAD; document GET only so operation ids stay unique.
            o.DocInclusionPredicate((_, api) => api.HttpMethod == "GET");
            o.CustomOperationIds(api => api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName);
            o.OperationFilter<QueryParameterDocs>();
            o.SupportNonNullableReferenceTypes();
            o.DescribeAllParametersInCamelCase();
            o.MapType<System.Text.Json.Nodes.JsonObject>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "An object whose properties are named by the request (the groupBy dimensions, and count).",
                AdditionalPropertiesAllowed = true,
            });
            o.MapType<QueryInt>(() => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" });
        });
        return builder;
    }

    public static WebApplication UseApiDocs(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "IncidentApi v1");
            o.DocumentTitle = "IncidentApi v1";
        });
        return app;
    }

    /// <summary>Descriptions, examples, bounds and enums for query parameters, from <see cref="ParamDocAttribute"/>; plus the shared responses.</summary>
    private sealed class QueryParameterDocs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                var description = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase));
                var property = (description?.ParameterDescriptor as Microsoft.AspNetCore.Http.Metadata.IParameterBindingMetadata)?.ParameterInfo?.Member as PropertyInfo
                    ?? FindProperty(context.MethodInfo, parameter.Name ?? "");
                if (parameter.In == ParameterLocation.Path)
                {
                    parameter.Description ??= parameter.Name switch
                    {
                        "id" => "Incident id (stable, never reused).",
                        "code" => "ISO 3166-1 alpha-2 or alpha-3 code, any case (e.g. CA or CAN).",
                        "slug" => "Operation slug, e.g. sky-net or fox-hunt.",
                        _ => null,
                    };
                    continue;
                }
                if (property?.GetCustomAttribute<ParamDocAttribute>() is not { } doc) continue;
                parameter.Description = doc.Description;
                parameter.Example = doc.Minimum > 0 && int.TryParse(doc.Example, out var number)
                    ? System.Text.Json.Nodes.JsonValue.Create(number) : System.Text.Json.Nodes.JsonValue.Create(doc.Example);
                var item = new OpenApiSchema { Type = JsonSchemaType.String };
                if (doc.Enum is not null) item.Enum = Enums[doc.Enum].Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!).ToList();
                if (doc.Minimum > 0 || doc.Maximum > 0)
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = doc.Minimum.ToString(), Maximum = doc.Maximum.ToString() };
                else if (doc.MaxItems > 0)
                {
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = item, MaxItems = doc.MaxItems };
                    parameter.Style = ParameterStyle.Form;
                    parameter.Explode = false;
                }
                else
                {
                    if (doc.MaxLength > 0) item.MaxLength = doc.MaxLength;
                    parameter.Schema = item;
                }
            }
            operation.Responses ??= new OpenApiResponses();
            // Endpoints with a format parameter also answer CSV and GeoJSON downloads from the same 200.
            if (operation.Parameters?.Any(p => p.Name == "format") == true && operation.Responses.TryGetValue("200", out var ok) && ok.Content is { } content)
            {
                content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row and UTF-8 BOM; all matches." } };
                content["application/geo+json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A GeoJSON FeatureCollection of Points; all matches." } };
            }
            if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                Add(operation, "304", "Not modified: the If-None-Match tag is current.");
                Add(operation, "400", "Invalid or unknown query parameter (problem details with errors).", "HttpValidationProblemDetails", context);
                Add(operation, "429", "Rate limit exceeded; see Retry-After.", "ProblemDetails", context);
            }
        }

        private static PropertyInfo? FindProperty(MethodInfo method, string name) =>
            method.GetParameters().Where(p => p.IsDefined(typeof(AsParametersAttribute)))
                .SelectMany(p => p.ParameterType.GetProperties())
                .FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

        private static void Add(OpenApiOperation operation, string status, string description, string? schema = null, OperationFilterContext? context = null)
        {
            if (operation.Responses!.ContainsKey(status)) return;
            var response = new OpenApiResponse { Description = description };
            if (schema is not null && context is not null)
            {
                var type = schema == "ProblemDetails" ? typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) : typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails);
                response.Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
                };
            }
            operation.Responses[status] = response;
        }
    }
}
