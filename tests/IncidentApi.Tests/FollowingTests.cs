using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Json.Schema;

namespace IncidentApi.Tests;

/// <summary>
/// Following the data over the synthetic seed's two releases: 2.0 adds syn-13, changes syn-01 and merges syn-00 away.
/// </summary>
[Collection("api")]
public sealed class FollowingTests(ApiFactory api)
{
    private const string Added = "syn-13-nz-2025-added-in-2-0", Changed = "syn-01-ca-2016-sky-net", Merged = "syn-00-merged-in-2-0";

    [Theory]
    [InlineData("updatedSince=2026-02&sort=id", new[] { Changed, Added })]
    [InlineData("addedSince=2026-02-01", new[] { Added })]
    [InlineData("updatedSince=2026-02-02", new string[0])]
    [InlineData("sort=-updatedOn&pageSize=2", new[] { Changed, Added })]
    [InlineData("sort=-addedOn&pageSize=1", new[] { Added })]
    public async Task Change_filters_and_sorts_find_what_is_new_or_corrected(string query, string[] expected) =>
        Assert.Equal(expected, await api.Ids($"/api/v1/incidents?{query}"));

    [Fact]
    public async Task Stats_take_the_change_filters_too() =>
        Assert.Equal(2, (await api.GetJson("/api/v1/stats?updatedSince=2026-02")).GetProperty("totalIncidents").GetInt32());

    [Fact]
    public async Task Releases_are_listed_newest_first_with_their_counts_and_each_names_its_changes()
    {
        var list = (await api.GetJson("/api/v1/releases")).GetProperty("data");
        Assert.Equal(["2.0", "1.0"], list.EnumerateArray().Select(r => r.GetProperty("version").GetString()));
        var latest = list[0];
        Assert.Equal((13, 1, 1, 1), (latest.GetProperty("incidents").GetInt32(), latest.GetProperty("added").GetInt32(),
            latest.GetProperty("changed").GetInt32(), latest.GetProperty("removed").GetInt32()));
        Assert.Equal(13, list[1].GetProperty("incidents").GetInt32());

        var release = await api.GetJson("/api/v1/releases/2.0");
        Assert.Equal([Added], release.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Changed, release.GetProperty("changed")[0].GetProperty("id").GetString());
        Assert.Equal(Added, release.GetProperty("removed")[0].GetProperty("replacedBy").GetString());
        Assert.Equal("2.0", (await api.GetJson("/api/v1/dataset")).GetProperty("release").GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/releases/9.9")).StatusCode);
    }

    [Theory]
    [InlineData("since=1.0"), InlineData("since=2026-02"), InlineData("since=2026-01-16")]
    public async Task What_changed_since_the_first_release_is_each_change_in_order(string since)
    {
        var changes = (await api.GetJson($"/api/v1/changes?{since}")).GetProperty("data").EnumerateArray()
            .Select(c => (c.GetProperty("release").GetString(), c.GetProperty("change").GetString(), c.GetProperty("id").GetString())).ToArray();
        Assert.Equal([("2.0", "added", Added), ("2.0", "changed", Changed), ("2.0", "removed", Merged)], changes);
    }

    [Fact]
    public async Task Changes_since_the_latest_release_are_none_and_a_bad_since_is_a_400()
    {
        Assert.Equal(0, (await api.GetJson("/api/v1/changes?since=2.0")).GetProperty("page").GetProperty("totalItems").GetInt32());
        Assert.Equal(13 + 3, (await api.GetJson("/api/v1/changes")).GetProperty("page").GetProperty("totalItems").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().GetAsync("/api/v1/changes?since=yesterday")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/incidents.atom?country=CA"), InlineData("/api/v1/incidents?country=CA&format=atom")]
    public async Task The_atom_feed_of_a_filter_is_valid_atom_newest_change_first(string url)
    {
        var response = await api.CreateClient().GetAsync(url);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();

        // RFC 4287 4.1.1: one id, one title, one updated; an author for the feed (so for every entry); entries with id, title, updated, a link.
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(atom + "feed", feed.Name);
        foreach (var name in new[] { "id", "title", "updated" }) Assert.Single(feed.Elements(atom + name));
        Assert.NotNull(feed.Element(atom + "author")?.Element(atom + "name"));
        Assert.Contains(feed.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "self");
        foreach (var entry in feed.Elements(atom + "entry"))
        {
            foreach (var name in new[] { "id", "title", "updated" }) Assert.Single(entry.Elements(atom + name));
            Assert.StartsWith("tag:incidentapi,2026:incident:", (string)entry.Element(atom + "id")!);
            Assert.Contains(entry.Elements(atom + "link"), l => (string?)l.Attribute("rel") is null or "alternate");
        }

        // And what a feed reader sees: every Canadian incident, the one corrected in 2.0 first.
        var parsed = SyndicationFeed.Load(XmlReader.Create(new StringReader(xml)));
        var ids = parsed.Items.Select(i => i.Id.Split(':')[^1]).ToList();
        Assert.Equal(await api.Total("/api/v1/incidents?country=CA"), ids.Count);
        Assert.Equal(Changed, ids[0]);
        Assert.Equal(parsed.Items.Select(i => i.LastUpdatedTime).OrderByDescending(t => t), parsed.Items.Select(i => i.LastUpdatedTime));
    }

    [Fact]
    public async Task Last_modified_is_the_release_date_and_if_modified_since_answers_304()
    {
        var client = api.CreateClient();
        var first = await client.GetAsync("/api/v1/incidents?country=DE");
        var modified = first.Content.Headers.LastModified!.Value;
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), modified);

        async Task<HttpStatusCode> Conditional(DateTimeOffset since, string? tag = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents?country=DE");
            request.Headers.IfModifiedSince = since;
            if (tag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", tag);
            return (await client.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.NotModified, await Conditional(modified));
        Assert.Equal(HttpStatusCode.OK, await Conditional(modified.AddDays(-1)));
        Assert.Equal(HttpStatusCode.OK, await Conditional(modified.AddDays(1), "\"another\""));   // If-None-Match decides when present
    }

    [Fact]
    public async Task Ndjson_streams_one_incident_per_line_named_for_its_filter()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/incidents?operation=sky-net&format=ndjson");
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("incidents-sky-net-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await api.Total("/api/v1/incidents?operation=sky-net"), lines.Length);
        Assert.All(lines, l => Assert.StartsWith("syn-", JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Csv_keeps_each_source_quote_beside_its_url()
    {
        var csv = Csv.Parse(Encoding.UTF8.GetString((await api.CreateClient().GetByteArrayAsync("/api/v1/incidents?format=csv&sort=id"))[3..]));
        var header = csv[0].ToList();
        var row = csv[1];
        Assert.Equal("https://example.org/synthetic/01", row[header.IndexOf("source1Url")]);
        Assert.Equal("Synthetic quote number 01 supporting a made-up record.", row[header.IndexOf("source1Quote")]);
        Assert.Equal("prosecutor", row[header.IndexOf("source1Kind")]);
    }

    [Fact]
    public async Task Stats_come_as_csv_with_names_beside_codes_and_fill_a_time_series_with_zeros()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/stats?groupBy=country&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = Csv.Parse(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal(["country", "countryName", "count", "incidents", "people", "peopleUnknown"], rows[0]);
        Assert.Contains(rows, r => r[0] == "CA" && r[1] == "Canada");

        var years = (await api.GetJson("/api/v1/stats?groupBy=year&fill=true")).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("year").ValueKind == JsonValueKind.Number).ToList();
        var numbers = years.Select(r => r.GetProperty("year").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(numbers[0], numbers[^1] - numbers[0] + 1), numbers);
        Assert.Contains(years, r => r.GetProperty("count").GetInt32() == 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().GetAsync("/api/v1/stats?groupBy=country&fill=true")).StatusCode);
    }

    [Fact]
    public async Task The_data_package_validates_against_the_published_profile_and_every_foreign_key_resolves()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/dataset/download");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        string Read(string name) { using var reader = new StreamReader(zip.GetEntry(name)!.Open()); return reader.ReadToEnd(); }
        var descriptor = JsonNode.Parse(Read("datapackage.json"))!;

        // The profile is draft-04; it uses nothing draft 7 reads differently, so it is evaluated as draft 7.
        var profile = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "tabular-data-package.json"))
            .Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#"));
        var result = profile.Evaluate(JsonDocument.Parse(descriptor.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));

        var tables = descriptor["resources"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => Csv.Parse(Read((string)r!["path"]!)));
        Assert.Equal(await api.Total("/api/v1/incidents"), tables["incidents"].Count - 1);
        foreach (var resource in descriptor["resources"]!.AsArray())
        {
            var rows = tables[(string)resource!["name"]!];
            foreach (var key in resource["schema"]!["foreignKeys"]?.AsArray() ?? [])
            {
                var target = (string)key!["reference"]!["resource"]! is { Length: > 0 } other ? other : (string)resource["name"]!;
                var (column, targetColumn) = (rows[0].ToList().IndexOf((string)key["fields"]!), tables[target][0].ToList().IndexOf((string)key["reference"]!["fields"]!));
                var keys = tables[target].Skip(1).Select(r => r[targetColumn]).ToHashSet();
                Assert.All(rows.Skip(1).Select(r => r[column]).Where(v => v.Length > 0), v => Assert.Contains(v, keys));
            }
        }
    }
}
