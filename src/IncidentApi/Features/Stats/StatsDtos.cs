using System.Text.Json.Nodes;

namespace IncidentApi.Features.Stats;

/// <summary>A row per group: the dimension values by name (e.g. "year": 2015) and "count".</summary>
public sealed record StatsDto(IReadOnlyList<string> GroupBy, long TotalIncidents, IReadOnlyList<JsonObject> Rows);
