using System.Net.Http.Json;
using System.Text.Json;
using IncidentApi.DataBuild;
using IncidentApi.Features.Filter;
using IncidentApi.Infrastructure;
using IncidentApi.Testing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentApi.Tests;

/// <summary>
/// The fast paths for queries no cache can answer must give exactly what the plain definitions give: the filter
/// engine (posting lists, bitmaps, narrowing passes) against a brute-force scan, and a page of ready-made items
/// against serializing the page of objects.
/// </summary>
[Collection("api")]
public sealed class FastPathTests(ApiFactory api)
{
    [Fact]
    public void Every_random_filter_matches_and_sorts_what_a_scan_of_every_incident_finds()
    {
        var database = Path.Combine(Path.GetTempPath(), $"engine-{Guid.NewGuid():N}.db");
        try
        {
            DatabaseBuilder.BuildSynthetic(Path.Combine(TestSeed.RepoRoot, "data"), 3000, database);
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var x = IncidentIndex.Load(connection, "test");
            var rng = new Random(20261202);
            // Each condition in about a third of the filters, so single conditions and every pairing come up; dates on
            // and next to the data's own period ends, where an off-by-one would show.
            string[]? Some(IncidentIndex.Codes codes, int most) =>
                rng.Next(3) != 0 ? null : Enumerable.Range(0, 1 + rng.Next(most)).Select(_ => codes.Name((short)rng.Next(codes.Size))!).Distinct().ToArray();
            DateOnly? Day()
            {
                if (rng.Next(3) != 0) return null;
                if (rng.Next(5) == 0)   // at and beyond the edges of the data
                {
                    int[] years = [1950, x.FirstYear - 1, x.FirstYear, x.FirstYear + x.EndsInOrAfter.Length - 1, x.FirstYear + x.EndsInOrAfter.Length, 2099];
                    return new DateOnly(years[rng.Next(years.Length)], rng.Next(2) == 0 ? 1 : 12, rng.Next(2) == 0 ? 1 : 31);
                }
                var i = rng.Next(x.Count);
                var day = DateOnly.FromDayNumber((rng.Next(2) == 0 ? x.DateStart[i] : x.DateEnd[i]) + rng.Next(-1, 2));
                return rng.Next(3) switch { 0 => new DateOnly(day.Year, 1, 1), 1 => new DateOnly(day.Year, 12, 31), _ => day };   // whole years too
            }

            for (var round = 0; round < 2000; round++)
            {
                var filter = new IncidentFilter(null, Some(x.Countries, 8), Some(x.Countries, 6), Some(x.Operations, 2), Some(x.Methods, 2),
                    Some(x.Words, 2), Some(x.Words, 2), Some(x.Words, 2), Some(x.Words, 2), Some(x.Words, 2), Some(x.Words, 2),
                    Day(), Day(), Day(), Day(), rng.Next(2) == 0);
                var found = filter.Apply(x, null);
                Assert.Equal(Scan(x, filter), found);
                // And sorted (by a bitmap of positions or by sorting positions, depending on the count) as each key's
                // definition orders them.
                var key = IncidentOrder.Keys.Where(k => !k.EndsWith("relevance")).ElementAt(rng.Next(10));
                var expected = found.OrderBy(i => x.Ranks[key][i]).ToArray();
                IncidentOrder.Sort(x, found, key, null);
                Assert.Equal(expected, found);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    // The definition, one incident at a time: a list filter is any of its values; with Stated, an inferred value is unknown.
    private static int[] Scan(IncidentIndex x, IncidentFilter f) => Enumerable.Range(0, x.Count).Where(i =>
    {
        var doubt = f.Stated ? x.Inferred[i] : IncidentIndex.Field.None;
        bool One(string[]? values, IncidentIndex.Codes codes, short value, IncidentIndex.Field field) =>
            values is null || value >= 0 && values.Contains(codes.Name(value)) && (field == IncidentIndex.Field.None || !doubt.HasFlag(field));
        var methods = Enumerable.Range(x.MethodStart[i], x.MethodStart[i + 1] - x.MethodStart[i])
            .Where(m => !(f.Stated && x.MethodInferred[m])).Select(m => x.Methods.Name(x.MethodValues[m]));
        var types = doubt.HasFlag(IncidentIndex.Field.TargetType) ? [] : Enumerable.Range(x.TypeStart[i], x.TypeStart[i + 1] - x.TypeStart[i])
            .Select(t => x.Words.Name(x.TypeValues[t]));
        return One(f.Countries, x.Countries, x.Host[i], IncidentIndex.Field.HostCountry)
            && One(f.Origins, x.Countries, x.Origin[i], IncidentIndex.Field.OriginCountry)
            && One(f.Operations, x.Operations, x.Operation[i], IncidentIndex.Field.Operation)
            && One(f.Outcomes, x.Words, x.Outcome[i], IncidentIndex.Field.Outcome)
            && One(f.Attributions, x.Words, x.Attribution[i], IncidentIndex.Field.None)
            && One(f.Confidences, x.Words, x.Confidence[i], IncidentIndex.Field.None)
            && One(f.Regions, x.Words, x.Region[i], IncidentIndex.Field.HostCountry)
            && One(f.Subregions, x.Words, x.Subregion[i], IncidentIndex.Field.HostCountry)
            && (f.From is null && f.To is null || !doubt.HasFlag(IncidentIndex.Field.Date)
                && (f.From is null || x.DateEnd[i] >= f.From.Value.DayNumber) && (f.To is null || x.DateStart[i] <= f.To.Value.DayNumber))
            && (f.AddedSince is null || x.AddedOn[i] >= f.AddedSince.Value.DayNumber)
            && (f.UpdatedSince is null || x.UpdatedOn[i] >= f.UpdatedSince.Value.DayNumber)
            && (f.Methods is null || methods.Any(f.Methods.Contains))
            && (f.TargetTypes is null || types.Any(t => t is not null && f.TargetTypes.Contains(t)));
    }).ToArray();

    [Theory]
    [InlineData("/api/v1/incidents?pageSize=4&page=2&sort=country")]
    [InlineData("/api/v1/incidents?country=DE&sort=-date")]
    [InlineData("/api/v1/incidents?country=NZ&page=9")]   // past the end: no items
    public async Task A_page_of_ready_made_items_is_byte_for_byte_the_serialized_page(string url)
    {
        var response = await api.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);   // sent with a length, not chunked

        var options = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var page = JsonSerializer.Deserialize<PagedResponse<IncidentDto>>(body, options)!;
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(page, options), body);
    }

    [Fact]
    public void The_builder_writes_each_incident_as_the_API_would_serialize_it()
    {
        var options = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        using var connection = new SqliteConnection($"Data Source={api.DatabasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM incident_json";
        using var reader = command.ExecuteReader();
        var count = 0;
        for (; reader.Read(); count++)
        {
            var stored = (byte[])reader[0];
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(IncidentJson.Deserialize(stored), options), stored);
        }
        Assert.Equal(13, count);
    }

    [Fact]
    public async Task A_list_item_is_the_same_bytes_as_the_incident_on_its_own()
    {
        var client = api.CreateClient();
        using var list = JsonDocument.Parse(await client.GetByteArrayAsync("/api/v1/incidents?pageSize=3&sort=id"));
        foreach (var item in list.RootElement.GetProperty("data").EnumerateArray())
        {
            var alone = await client.GetByteArrayAsync($"/api/v1/incidents/{item.GetProperty("id").GetString()}");
            Assert.Equal(item.GetRawText(), System.Text.Encoding.UTF8.GetString(alone));
        }
    }
}
