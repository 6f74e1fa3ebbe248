using System.Text.Json.Nodes;
using IncidentApi.Testing;

namespace IncidentApi.Tests;

[Collection("api")]
public sealed class OpenApiTests(ApiFactory api)
{
    private static readonly string Committed = Path.Combine(TestSeed.RepoRoot, "openapi", "v1.json");

    [Fact]
    public async Task The_committed_document_equals_what_is_served()
    {
        var served = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")   // tools/export-openapi.sh
            File.WriteAllText(Committed, served!.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        var committed = JsonNode.Parse(File.ReadAllText(Committed));
        Assert.True(JsonNode.DeepEquals(served, committed),
            "openapi/v1.json differs from /swagger/v1/swagger.json; regenerate it with the command in README.md (bash tools/export-openapi.sh).");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_tag_and_documented_parameters()
    {
        var doc = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).ToList();
        Assert.Equal(18, operations.Count);
        Assert.Equal(operations.Count, operations.Select(o => (string?)o.Value!["operationId"]).Distinct().Count());
        foreach (var (method, op) in operations)
        {
            Assert.Equal("get", method);
            Assert.NotEmpty(op!["tags"]!.AsArray());
            foreach (var p in op["parameters"]?.AsArray() ?? [])
            {
                Assert.False(string.IsNullOrEmpty((string?)p!["description"]), $"{op["operationId"]}: {p["name"]} has no description");
                if ((string?)p["in"] == "query") Assert.NotNull(p["example"]);
            }
        }
    }
}
