using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentApi.Testing;

namespace IncidentApi.Tests;

/// <summary>The OpenAPI document's types tell the truth about the real data: what is ever null is nullable, and so on.</summary>
public sealed class TypeTruthTests(RealDataFactory api) : IClassFixture<RealDataFactory>
{
    private static readonly string ExamplesFile = Path.Combine(TestSeed.RepoRoot, "src", "IncidentApi", "Infrastructure", "Docs", "examples.json");

    // The request whose answer illustrates each JSON operation; lists are cut to three items. Incident examples are
    // records whose operation, host country and location are all known: OpenAPI 3.0 validators (Spectral's) check a null
    // against a nullable reference's allOf before its nullable, so a null there would fail the lint, not the API.
    private static readonly Dictionary<string, string> ExampleUrls = new()
    {
        ["ListIncidents"] = "/api/v1/incidents?pageSize=2&operation=sky-net&country=CA", ["GetIncident"] = "/api/v1/incidents/quanzhong-an-2017-2022-fox-hunt-new-york",
        ["ListCountryIncidents"] = "/api/v1/countries/CA/incidents?pageSize=2&operation=sky-net", ["ListOperationIncidents"] = "/api/v1/operations/fox-hunt/incidents?pageSize=2&country=US",
        ["ListCountries"] = "/api/v1/countries?hasIncidents=true&sort=-incidentCount", ["GetCountry"] = "/api/v1/countries/CA",
        ["ListOperations"] = "/api/v1/operations", ["GetOperation"] = "/api/v1/operations/sky-net-2021", ["ListMethods"] = "/api/v1/methods",
        ["GetStats"] = "/api/v1/stats?groupBy=year&operation=sky-net", ["GetDataset"] = "/api/v1/dataset", ["ListReleases"] = "/api/v1/releases",
        ["GetRelease"] = "/api/v1/releases/2.0", ["ListChanges"] = "/api/v1/changes?since=1.0&pageSize=3", ["Live"] = "/health/live", ["Ready"] = "/health/ready",
    };

    [Fact]
    public async Task Every_json_operation_has_an_example_taken_from_the_real_data()
    {
        var examples = new JsonObject();
        foreach (var (operation, url) in ExampleUrls) examples[operation] = Cut(JsonNode.Parse(await api.CreateClient().GetStringAsync(url)));
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")   // tools/export-openapi.sh, before the document itself
            File.WriteAllText(ExamplesFile, examples.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");

        var doc = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var json = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .Where(o => o.Value!["responses"]?["200"]?["content"]?["application/json"] is not null).Select(o => (string)o.Value!["operationId"]!).ToList();
        Assert.Equal(json.Order(), ExampleUrls.Keys.Order());
        foreach (var (operation, value) in JsonNode.Parse(File.ReadAllText(ExamplesFile))!.AsObject())
            Assert.NotNull(value);
    }

    // Examples stay short: every list keeps its first three items.
    private static JsonNode? Cut(JsonNode? node) => node switch
    {
        JsonArray array => new JsonArray(array.Take(3).Select(item => Cut(item?.DeepClone())).ToArray()),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Cut(p.Value?.DeepClone())))),
        _ => node?.DeepClone(),
    };

    [Fact]
    public async Task Every_property_null_in_any_served_record_is_nullable_in_the_document()
    {
        var doc = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = doc["components"]!["schemas"]!;
        var nulls = new List<string>();
        void Walk(JsonElement value, JsonNode? schema, string path)
        {
            schema = Resolve(schema, schemas);
            if (schema is null) return;
            if (value.ValueKind == JsonValueKind.Object && schema["properties"] is JsonObject properties)
                foreach (var property in value.EnumerateObject())
                {
                    var propertySchema = properties[property.Name];
                    Assert.True(propertySchema is not null, $"{path}.{property.Name} is served but not in the document");
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        if ((bool?)propertySchema!["nullable"] != true) nulls.Add($"{path}.{property.Name}");
                    }
                    else Walk(property.Value, propertySchema, $"{path}.{property.Name}");
                }
            else if (value.ValueKind == JsonValueKind.Array && schema["items"] is { } items)
                foreach (var item in value.EnumerateArray()) Walk(item, items, path + "[]");
        }
        foreach (var (url, schema) in new (string, string)[]
        {
            ("/api/v1/incidents?pageSize=500", "IncidentDtoPagedResponse"), ("/api/v1/countries", "CountryDto"), ("/api/v1/countries/CN", "CountryDetailDto"),
            ("/api/v1/operations", "OperationDto"), ("/api/v1/operations/overseas-police-stations", "OperationDetailDto"), ("/api/v1/methods", "MethodDto"),
            ("/api/v1/stats?groupBy=country,operation", "StatsDto"), ("/api/v1/stats?groupBy=month,targetType&stated=true", "StatsDto"),
            ("/api/v1/dataset", "DatasetDto"), ("/api/v1/releases/2.0", "ReleaseDto"), ("/api/v1/changes?pageSize=500", "ChangeDtoPagedResponse"),
        })
        {
            var body = JsonDocument.Parse(await api.CreateClient().GetStringAsync(url)).RootElement;
            var root = (JsonNode)new JsonObject { ["$ref"] = $"#/components/schemas/{schema}" };
            if (body.ValueKind == JsonValueKind.Array) foreach (var item in body.EnumerateArray()) Walk(item, root, url);
            else Walk(body, root, url);
        }
        Assert.Empty(nulls.Distinct());
    }

    [Fact]
    public async Task Every_response_property_is_described()
    {
        var doc = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var undescribed = doc["components"]!["schemas"]!.AsObject()
            .SelectMany(s => (s.Value!["properties"]?.AsObject() ?? []).Where(p => string.IsNullOrEmpty((string?)p.Value!["description"])).Select(p => $"{s.Key}.{p.Key}"));
        Assert.Empty(undescribed);
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonNode schemas)
    {
        while (schema is not null)
        {
            if ((string?)schema["$ref"] is { } reference) schema = schemas[reference.Split('/')[^1]];
            else if (schema["allOf"] is JsonArray { Count: 1 } all) schema = all[0];
            else return schema;
        }
        return null;
    }
}
