using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Swashbuckle: the document at /swagger/v1/swagger.json (committed as openapi/v1.json) and Swagger UI at /swagger.
/// Only document-level settings live here; each mechanism documents what it causes in a Docs filter beside it
/// (parameters: <see cref="ParameterDocs"/>; responses: HttpCaching, Download, QueryChecks, ProblemResponses,
/// RequestLimits, RateLimiting, CrossOrigin), registered below in the order their responses appear.
/// </summary>
public static class ApiDocs
{
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
                    "CORS allows any origin. A per-client rate limit answers 429 with Retry-After, and every response states the quota (RateLimit-Policy, RateLimit). " +
                    "v1 changes only by addition; a field or route that must go is first deprecated here. The versioning and deprecation policy is " +
                    "docs/API-POLICY.md and what changed is docs/API-CHANGELOG.md, both in the repository; the data's own changes are /api/v1/releases.",
                License = new OpenApiLicense { Name = "Data: CC BY 4.0 (see /api/v1/dataset)" },
            });
            // Paths are relative to whichever host serves the document: the service behind any proxy, or a local run.
            o.AddServer(new OpenApiServer
            {
                Url = "/", Description = "Production: the public host that serves this document (a local run serves its own)",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(false)) },
            });
            o.DocumentFilter<Features.Dataset.DatasetContactDocs>();
            // MapRead registers GET and HEAD; document GET only so operation ids stay unique.
            o.DocInclusionPredicate((_, api) => api.HttpMethod == "GET");
            o.CustomOperationIds(api => api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName);
            o.SupportNonNullableReferenceTypes();
            // A nullable reference (IncidentDto.operation) must be "allOf: [$ref], nullable: true" in OpenAPI 3.0, which
            // ignores a $ref's siblings: else generated clients type it as never null.
            o.UseAllOfToExtendReferenceSchemas();
            o.DescribeAllParametersInCamelCase();
            o.SchemaFilter<PropertiesAlwaysPresent>();
            o.SchemaFilter<ClosedListDocs>();
            o.SchemaFilter<ProblemResponses.SchemaDocs>();
            // Every response property's description is the <param> or <summary> beside it in the code.
            o.IncludeXmlComments(typeof(Program).Assembly);
            o.IncludeXmlComments(typeof(IncidentApi.DataBuild.IncidentDto).Assembly);   // the incident's published shape is the builder's
            o.MapType<System.Text.Json.Nodes.JsonObject>(Features.Stats.StatsRowSchema.Create);   // the only JsonObject served: a /stats row
            o.OperationFilter<ParameterDocs>();
            o.OperationFilter<Features.Incidents.Download.Docs>();
            o.OperationFilter<Paging.Docs>();
            o.OperationFilter<HttpCaching.Docs>();
            o.OperationFilter<QueryChecks.Docs>();
            o.OperationFilter<ProblemResponses.Docs>();
            o.OperationFilter<RequestLimits.Docs>();
            o.OperationFilter<RateLimiting.Docs>();   // after every response exists: it adds the quota headers to each
            o.OperationFilter<CrossOrigin.Docs>();
            o.OperationFilter<ResponseExamples>();
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
            if (schema is not OpenApiSchema { Properties.Count: > 0 } model || typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type)
                || context.Type == typeof(System.Text.Json.Nodes.JsonObject)) return;   // a stats row has only the dimensions asked for
            model.Required = new HashSet<string>(model.Properties.Keys);
            // A nullable reference is allOf + nullable; OpenAPI 3.0 validators want a type beside nullable.
            foreach (var property in model.Properties.Values.OfType<OpenApiSchema>().Where(p => p.AllOf is { Count: > 0 } && p.Type is null or JsonSchemaType.Null))
                if (property.Type == JsonSchemaType.Null) property.Type = JsonSchemaType.Object | JsonSchemaType.Null;
            if (context.Type == typeof(IncidentDto))
                model.Description = "Every property is present (null where the sources do not give the fact), except in a list requested " +
                    "with fields=, whose items keep only id and the fields named.";
            foreach (var (name, property) in model.Properties.ToList())
                if (context.Type.GetProperty(char.ToUpperInvariant(name[0]) + name[1..])?.GetCustomAttributes(typeof(ObsoleteAttribute), false).FirstOrDefault()
                        is ObsoleteAttribute obsolete && property is OpenApiSchema deprecated)
                    (deprecated.Deprecated, deprecated.Description) = (true, $"Deprecated: {obsolete.Message}");
        }
    }
}
