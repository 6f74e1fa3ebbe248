using System.Text.Json.Nodes;

namespace IncidentApi.Features.Stats;

/// <summary>
/// A row per group: the dimension values by name (e.g. "year": 2015), "count" (the measure asked for), and always
/// "incidents", "people" (the sum of known numbers of people) and "peopleUnknown" (incidents whose number is unknown).
/// </summary>
public sealed record StatsDto(
    IReadOnlyList<string> GroupBy, long TotalIncidents, IReadOnlyList<JsonObject> Rows, string Measure, long TotalPeople, long PeopleUnknown);
