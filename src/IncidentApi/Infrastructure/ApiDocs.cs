using System.Reflection;
using System.Text.Json.Nodes;
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
            o.SchemaFilter<PropertiesAlwaysPresent>();
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

    /// <summary>
    /// The JSON writer emits every property of a response model, an unknown fact as null (never omitted), so each
    /// property is required: typed clients then read page.totalItems as a number, not number | undefined. The one
    /// exception, a list requested with fields=, is stated on IncidentDto. Problem details omit null members (RFC 9457).
    /// </summary>
    private sealed class PropertiesAlwaysPresent : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties.Count: > 0 } model || typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type)) return;
            model.Required = new HashSet<string>(model.Properties.Keys);
            if (context.Type == typeof(Features.Incidents.IncidentDto))
                model.Description = "Every property is present (null where the sources do not give the fact), except in a list requested " +
                    "with fields=, whose items keep only id and the fields named.";
        }
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
                    // The longest value each handler looks up; anything longer (or not matching) is a 404.
                    parameter.Schema = parameter.Name switch
                    {
                        "id" => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Limits.Id },
                        "code" => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 2, MaxLength = Limits.CountryCode, Pattern = "^[A-Za-z]{2,3}$" },
                        "slug" => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Limits.Slug },
                        _ => parameter.Schema,
                    };
                    continue;
                }
                if (property?.GetCustomAttribute<ParamDocAttribute>() is not { } doc) continue;
                parameter.Description = doc.Description;
                // The example has the schema's type: a number, a list (comma-separated on the wire), or a string.
                parameter.Example = doc.Minimum > 0 && int.TryParse(doc.Example, out var number) ? JsonValue.Create(number)
                    : doc.MaxItems > 0 && doc.Example is not null ? new JsonArray(doc.Example.Split(',').Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())
                    : JsonValue.Create(doc.Example);
                var item = new OpenApiSchema { Type = JsonSchemaType.String };
                if (Patterns.TryGetValue(parameter.Name ?? "", out var pattern)) item.Pattern = pattern;
                if (doc.Enum is not null) item.Enum = Enums[doc.Enum].Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
                if (doc.Minimum > 0 || doc.Maximum > 0)
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = doc.Minimum.ToString(), Maximum = doc.Maximum.ToString() };
                else if (doc.MaxItems > 0)
                {
                    // MaxLength bounds the whole comma-separated value, so it bounds each item too.
                    if (doc.MaxLength > 0) item.MaxLength = doc.MaxLength;
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
            if (string.IsNullOrEmpty(operation.Description) && operation.OperationId is { } id && HealthDescriptions.TryGetValue(id, out var health))
                operation.Description = health;
            if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                // Every 200 under /api/v1 is tagged and cacheable (HttpCaching); paged JSON lists also send Link, downloads Content-Disposition.
                if (operation.Responses.TryGetValue("200", out var success) && success is OpenApiResponse okResponse)
                {
                    var headers = Headers(("ETag", EtagHeader), ("Cache-Control", CacheControlHeader));
                    if (okResponse.Content?.ContainsKey("text/csv") == true)
                    {
                        headers["Link"] = new OpenApiHeader { Description = "RFC 8288 links of a paged JSON list: self, first, prev, next, last (the same as links in the body).", Schema = Text(4000) };
                        headers["Content-Disposition"] = new OpenApiHeader { Description = "CSV and GeoJSON only: attachment; filename=\"incidents.csv\" (or .geojson).", Schema = Text(200) };
                    }
                    okResponse.Headers = headers;
                }
                Add(operation, "304", "Not modified: the If-None-Match tag is current.", headers: Headers(("ETag", EtagHeader), ("Cache-Control", CacheControlHeader)));
                Add(operation, "400", "Invalid or unknown query parameter (problem details with errors).", "HttpValidationProblemDetails", context);
                Add(operation, "406", "Not acceptable: neither the format parameter nor the Accept header names a representation this endpoint can produce.", "ProblemDetails", context);
            }
            // The rate limiter and the exception handler sit in front of every endpoint, the health probes included.
            Add(operation, "429", "Rate limit exceeded (per client address, from trusted proxies' X-Forwarded-For behind a load balancer); retry after the number of seconds in Retry-After.", "ProblemDetails", context,
                Headers(("Retry-After", new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" } })));
            Add(operation, "500", "Unexpected error: problem details with a traceId to quote; never a stack trace, SQL or file path.", "ProblemDetails", context);
            Add(operation, "413", "The request has a body; the API answers GET and HEAD only and takes none.", "ProblemDetails", context, Headers());
            Add(operation, "414", $"The request line is longer than {RequestLimits.RequestLine / 1024} KiB.", "ProblemDetails", context, Headers());
            Add(operation, "431", $"The request headers total more than {RequestLimits.Headers / 1024} KiB.", "ProblemDetails", context, Headers());
            // The limiter announces the quota on every response it lets through or refuses (RateLimiting).
            foreach (var (status, response) in operation.Responses.Where(r => r.Key[0] is '2' or '4'))
                if (response is OpenApiResponse quoted)
                {
                    quoted.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    quoted.Headers[RateLimiting.Policy] = QuotaPolicyHeader;
                    quoted.Headers[RateLimiting.Remaining] = QuotaHeader;
                    quoted.Headers.TryAdd("Access-Control-Allow-Origin", AllowOriginHeader);
                }
        }

        private static readonly OpenApiHeader QuotaPolicyHeader = new()
        {
            Description = "The per-client quota (IETF draft-ietf-httpapi-ratelimit-headers): q requests per window of w seconds, e.g. \"per-client\";q=200;w=4 " +
                "(a bucket of 200 requests that refills in 4 s).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
        };

        private static readonly OpenApiHeader QuotaHeader = new()
        {
            Description = "What is left of this client's quota: r requests remain, and the bucket is full again in t seconds (on a 429, t is the Retry-After), " +
                "e.g. \"per-client\";r=187;t=1.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
        };

        private static readonly Dictionary<string, string> HealthDescriptions = new()
        {
            ["Live"] = "Liveness: 200 while the process runs. It reads nothing, so a broken database does not make it fail (see /health/ready).",
            ["Ready"] = "Readiness: 200 with the dataset version and incident count when the database is open and holds incidents, otherwise 503 " +
                "(problem details). The container HEALTHCHECK probes this.",
        };

        private static readonly Dictionary<string, string> Patterns = new()
        {
            ["from"] = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            ["to"] = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
        };

        private static OpenApiSchema Text(int maxLength) => new() { Type = JsonSchemaType.String, MaxLength = maxLength };

        private static readonly OpenApiHeader EtagHeader = new()
        {
            Description = "Strong tag of this representation, derived from the dataset version and the request; send it back in If-None-Match for a 304.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100, Pattern = "^\"[^\"]+\"$" },
        };

        private static readonly OpenApiHeader CacheControlHeader = new() { Description = "Any cache may keep the response for five minutes.", Schema = Const(HttpCaching.CacheControl) };

        private static OpenApiSchema Const(string value) => new() { Type = JsonSchemaType.String, Enum = [JsonValue.Create(value)!] };

        /// <summary>Response headers; CORS allows any origin, so every response to a request with an Origin carries Access-Control-Allow-Origin: *.</summary>
        private static Dictionary<string, IOpenApiHeader> Headers(params (string Name, OpenApiHeader Header)[] headers)
        {
            var all = headers.ToDictionary(h => h.Name, h => (IOpenApiHeader)h.Header);
            all["Access-Control-Allow-Origin"] = AllowOriginHeader;
            return all;
        }

        private static readonly OpenApiHeader AllowOriginHeader = new() { Description = "* (any origin) when the request carries an Origin header.", Schema = Const("*") };

        private static PropertyInfo? FindProperty(MethodInfo method, string name) =>
            method.GetParameters().Where(p => p.IsDefined(typeof(AsParametersAttribute)))
                .SelectMany(p => p.ParameterType.GetProperties())
                .FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

        private static void Add(OpenApiOperation operation, string status, string description, string? schema = null, OperationFilterContext? context = null,
            Dictionary<string, IOpenApiHeader>? headers = null)
        {
            if (operation.Responses!.ContainsKey(status)) return;
            var response = new OpenApiResponse { Description = description, Headers = headers };
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
