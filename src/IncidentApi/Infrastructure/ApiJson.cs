using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IncidentApi.Features.Countries;
using IncidentApi.Features.Dataset;
using IncidentApi.Features.Health;
using IncidentApi.Features.Incidents;
using IncidentApi.Features.Methods;
using IncidentApi.Features.Operations;
using IncidentApi.Features.Releases;
using IncidentApi.Features.Stats;
using Microsoft.AspNetCore.Mvc;

namespace IncidentApi.Infrastructure;

public static class ApiJson
{
    public static WebApplicationBuilder AddApiJson(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;   // Chinese names as text, not \u escapes
        });
        return builder;
    }
}

/// <summary>Source-generated serializers for every response shape: no reflection per request. Nulls are written, never dropped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PagedResponse<IncidentDto>))]
[JsonSerializable(typeof(PagedResponse<RawJson>))]
[JsonSerializable(typeof(RawJson))]
[JsonSerializable(typeof(IncidentDto))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(IReadOnlyList<CountryDto>))]
[JsonSerializable(typeof(CountryDetailDto))]
[JsonSerializable(typeof(IReadOnlyList<OperationDto>))]
[JsonSerializable(typeof(OperationDetailDto))]
[JsonSerializable(typeof(IReadOnlyList<MethodDto>))]
[JsonSerializable(typeof(StatsDto))]
[JsonSerializable(typeof(DatasetDto))]
[JsonSerializable(typeof(ReleaseListDto))]
[JsonSerializable(typeof(ReleaseDto))]
[JsonSerializable(typeof(PagedResponse<ChangeDto>))]
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
