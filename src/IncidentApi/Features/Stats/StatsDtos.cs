using System.Text.Json.Nodes;

namespace IncidentApi.Features.Stats;

/// <summary>
/// A row per group: the dimension values by name (e.g. "year": 2015), "count" (the measure asked for), and always
/// "incidents", "people" (the sum of known numbers of people) and "peopleUnknown" (incidents whose number is unknown).
/// </summary>
/// <param name="GroupBy">The dimensions of each row, as asked.</param>
/// <param name="TotalIncidents">Matching incidents, each counted once.</param>
/// <param name="Rows">One row per group, ordered by its values (unknown last).</param>
/// <param name="Measure">What each row's count counts.</param>
/// <param name="TotalPeople">People affected by the matching incidents, where the sources give a number.</param>
/// <param name="PeopleUnknown">Matching incidents whose number of people is unknown.</param>
public sealed record StatsDto(
    IReadOnlyList<string> GroupBy, long TotalIncidents, IReadOnlyList<JsonObject> Rows,
    [property: ClosedList(typeof(StatsQuery), nameof(StatsQuery.Measures))] string Measure, long TotalPeople, long PeopleUnknown);
