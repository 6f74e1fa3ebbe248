using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IncidentApi.Infrastructure;

/// <summary>
/// A real example for each JSON operation: examples.json, written from the real data by tools/export-openapi.sh (an
/// answer per operation id, lists cut to their first three items) and embedded here, so the served document and the
/// committed one carry the same examples whatever database the service has.
/// </summary>
public sealed class ResponseExamples : IOperationFilter
{
    public const string ResourceName = "examples.json";

    private static readonly JsonObject Examples = Load();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is { } id && Examples[id] is { } example && operation.Responses?.GetValueOrDefault("200") is { Content: { } content }
            && content.TryGetValue("application/json", out var media) && media is OpenApiMediaType json)
            json.Example = example.DeepClone();
    }

    private static JsonObject Load()
    {
        using var stream = typeof(ResponseExamples).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? [] : JsonNode.Parse(stream)!.AsObject();
    }
}
