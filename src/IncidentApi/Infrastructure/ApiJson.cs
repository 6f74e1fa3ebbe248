using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IncidentApi.Features.Countries;
using IncidentApi.Features.Dataset;
using IncidentApi.Features.Health;
using IncidentApi.Features.Incidents;
using IncidentApi.Features.Methods;
using IncidentApi.Features.Operations;
using IncidentApi.Features.Stats;
using Microsoft.AspNetCore.Mvc;

namespace IncidentApi.Infrastructure;

/// <summary>Source-generated serializers for every response shape: no reflection per request. Nulls are written, never dropped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PagedResponse<IncidentDto>))]
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
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
