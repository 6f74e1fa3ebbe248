using System.Reflection;
using FluentValidation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>A query record that can choose its output format with <c>format</c>, among its <see cref="Formats"/>.</summary>
public interface IFormatQuery
{
    string? Format { get; }
    static abstract string[] Formats { get; }
}

/// <summary>
/// Every /api/v1 endpoint goes through one filter: unknown parameters, then the query record's validator, then
/// content negotiation. Handlers therefore only ever see valid input and never validate or throw for bad input.
/// </summary>
public static class QueryChecks
{
    /// <summary>Every validator of the assembly (one per query record), with camelCase parameter names in messages.</summary>
    public static WebApplicationBuilder AddQueryChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        IncidentApi.DataBuild.ValidationNames.UseCamelCase();
        return builder;
    }

    public static RouteGroupBuilder WithQueryChecks(this RouteGroupBuilder group) =>
        group.AddEndpointFilterFactory((factory, next) =>
        {
            // Reflection runs once per endpoint at start-up; each request only does set lookups.
            var query = factory.MethodInfo.GetParameters().SingleOrDefault(p => p.IsDefined(typeof(AsParametersAttribute)));
            var known = QueryNames.Of(query?.ParameterType);
            var validatorType = query is null ? null : typeof(IValidator<>).MakeGenericType(query.ParameterType);
            var formats = query is not null && typeof(IFormatQuery).IsAssignableFrom(query.ParameterType)
                ? (string[])query.ParameterType.GetProperty(nameof(IFormatQuery.Formats), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!
                : OutputFormat.JsonOnly;
            return async ctx =>
            {
                var http = ctx.HttpContext;
                var errors = QueryNames.Unknown(http.Request.Query.Keys, known);
                foreach (var (name, values) in http.Request.Query.Where(q => q.Value.Count > 1 && known.Contains(q.Key)))
                    errors[name] = [$"Given {values.Count} times; give it once, with a comma-separated list for several values."];
                var arguments = query is null ? null : ctx.Arguments[query.Position];
                if (errors.Count == 0 && arguments is not null && http.RequestServices.GetService(validatorType!) is IValidator validator)
                {
                    var result = validator.Validate(new ValidationContext<object>(arguments));   // every rule is synchronous: no async machinery per rule
                    errors = result.Errors.GroupBy(e => IncidentApi.DataBuild.ValidationNames.CamelPath(e.PropertyName))
                        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
                }
                if (errors.Count > 0)
                    return TypedResults.ValidationProblem(errors, title: "Invalid query parameters",
                        detail: "One or more query parameters are invalid; see errors.");
                if (OutputFormat.Negotiate(http.Request, (arguments as IFormatQuery)?.Format, formats) is null)
                    return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable,
                        detail: $"This endpoint can produce {string.Join(", ", formats.Select(OutputFormat.MediaType))}; ask with format= or an Accept header.");
                return await next(ctx);
            };
        });

    /// <summary>OpenAPI: what this filter answers on every /api/v1 operation.</summary>
    public sealed class Docs : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!OperationDocs.IsApi(context)) return;
            OperationDocs.Respond(operation, "400", "Invalid or unknown query parameter (problem details with errors).", context, typeof(HttpValidationProblemDetails));
            OperationDocs.Respond(operation, "406", "Not acceptable: neither the format parameter nor the Accept header names a representation this endpoint can produce.",
                context, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
        }
    }
}
