using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace IncidentApi.Infrastructure;

/// <summary>
/// Every error is an RFC 9457 problem (application/problem+json), whatever the request's Accept header says. The
/// framework's own writer declines when Accept names another type (text/csv, application/xml), and then a 429 or a
/// status-code page had nothing to write with and became a 500 or plain text; this writer never declines.
/// </summary>
public static class ProblemResponses
{
    public const string MediaType = "application/problem+json";

    public static WebApplicationBuilder AddProblemResponses(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Registered before AddProblemDetails adds the default writer, so the problem service asks this one first.
        services.AddSingleton<IProblemDetailsWriter, AlwaysJsonWriter>();
        services.AddExceptionHandler<DatabaseUnavailable>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
            problem.Status = status;
            problem.Type ??= $"https://httpstatuses.io/{status}";
            problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
            problem.Detail ??= DefaultDetail(status);
            problem.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("exception");   // never a stack trace, whatever the environment
        });
        return builder;
    }

    /// <summary>Exceptions become a 500 (or a 503 for an unreadable database) problem; bodiless errors (404, 405) get one too.</summary>
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app) => app.UseExceptionHandler().UseStatusCodePages();

    private static string DefaultDetail(int status) => status switch
    {
        404 => "Nothing is found at this address. The API lives under /api/v1; its documentation is at /swagger.",
        405 => "This method is not allowed here; the API answers GET and HEAD only.",
        500 => "An unexpected error occurred. It has been logged with the traceId below.",
        503 => "The service is not ready.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    /// <summary>OpenAPI: the exception handler sits in front of every endpoint, the health probes included.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context) =>
            OperationDocs.Respond(operation, "500", "Unexpected error: problem details with a traceId to quote; never a stack trace, SQL or file path.",
                context, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
    }

    /// <summary>OpenAPI: what each member of a problem (RFC 9457) says, and the members this API adds.</summary>
    public sealed class SchemaDocs : ISchemaFilter
    {
        private static readonly Dictionary<string, string> Members = new()
        {
            ["type"] = "A URI that identifies the kind of problem (RFC 9457).",
            ["title"] = "A short summary of the kind of problem.",
            ["status"] = "The HTTP status code.",
            ["detail"] = "What went wrong with this request, and what to do.",
            ["instance"] = "A URI for this occurrence, when there is one.",
            ["errors"] = "Each invalid or unknown parameter, with what is wrong with it (and, where one is close, what was probably meant).",
        };

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (!typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type) || schema is not OpenApiSchema { Properties: { } properties } model) return;
            model.Description = "An RFC 9457 problem. It may also carry traceId (quote it when reporting), and: replacedBy and release (410 for a " +
                "withdrawn incident), suggestion and suggestionUrl (404 with a close match).";
            foreach (var (name, property) in properties)
                if (property is OpenApiSchema member && Members.TryGetValue(name, out var text)) member.Description = text;
        }
    }

    private sealed class AlwaysJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
            var problem = context.ProblemDetails;
            return new(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), jsonOptions.Value.SerializerOptions, MediaType));
        }
    }
}
