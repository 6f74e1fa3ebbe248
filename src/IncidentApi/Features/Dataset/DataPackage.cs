using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CsvHelper;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IncidentApi.Features.Dataset;

/// <summary>
/// The whole dataset as a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/): a zip of
/// datapackage.json and five CSV tables with their schemas, primary and foreign keys, license and citation, so a
/// data journalist loads it with any Frictionless tool and every join is declared. Built from the database on request.
/// </summary>
public sealed class DataPackage(Db db)
{
    /// <summary>A table: its file, its columns (name, Table Schema type, whether required), keys, and the SQL that fills it.</summary>
    private sealed record Table(string Name, (string Name, string Type, bool Required)[] Fields, string[] PrimaryKey,
        (string Field, string Resource, string Key)[] ForeignKeys, string Sql);

    private static readonly Table[] Tables =
    [
        new("incidents",
            [("id", "string", true), ("title", "string", true), ("date", "string", true), ("datePrecision", "string", true), ("dateMeaning", "string", false),
             ("originCountry", "string", true), ("hostCountry", "string", false), ("city", "string", false), ("operation", "string", false),
             ("outcome", "string", true), ("attribution", "string", true), ("confidence", "string", true), ("people", "integer", false),
             ("targetNames", "string", false), ("targetNamesZh", "string", false), ("targetTypes", "string", false), ("inferred", "string", false),
             ("summary", "string", true), ("notes", "string", false), ("addedOn", "date", true), ("updatedOn", "date", true)],
            ["id"], [("originCountry", "countries", "code"), ("hostCountry", "countries", "code"), ("operation", "operations", "slug")],
            """
            SELECT i.id, i.title, i.date, i.date_precision, i.date_meaning, i.origin_country, i.host_country, i.city, i.operation, i.outcome,
                i.attribution, i.confidence, i.people,
                (SELECT group_concat(name, ';') FROM (SELECT name FROM incident_targets WHERE incident = i.seq ORDER BY position)),
                (SELECT group_concat(COALESCE(name_zh, ''), ';') FROM (SELECT name_zh FROM incident_targets WHERE incident = i.seq ORDER BY position)),
                (SELECT group_concat(COALESCE(type, ''), ';') FROM (SELECT type FROM incident_targets WHERE incident = i.seq ORDER BY position)),
                (SELECT group_concat(field, ';') FROM (SELECT field FROM incident_inferred WHERE incident = i.seq ORDER BY field)),
                i.summary, i.notes, i.added_on, i.updated_on
            FROM incidents AS i ORDER BY i.id
            """),
        new("sources",
            [("incident", "string", true), ("position", "integer", true), ("url", "string", true), ("publisher", "string", true),
             ("title", "string", false), ("publishedOn", "string", false), ("kind", "string", true), ("quote", "string", true)],
            ["incident", "position"], [("incident", "incidents", "id")],
            """
            SELECT i.id, s.position, s.url, s.publisher, s.title, s.published_on, s.kind, s.quote
            FROM incident_sources AS s JOIN incidents AS i ON i.seq = s.incident ORDER BY i.id, s.position
            """),
        new("incident_methods", [("incident", "string", true), ("method", "string", true)], ["incident", "method"], [("incident", "incidents", "id")],
            "SELECT i.id, m.method FROM incident_methods AS m JOIN incidents AS i ON i.seq = m.incident ORDER BY i.id, m.method"),
        new("countries",
            [("code", "string", true), ("alpha3", "string", true), ("name", "string", true), ("region", "string", true), ("subregion", "string", false),
             ("lat", "number", true), ("lon", "number", true)],
            ["code"], [], "SELECT code, alpha3, name, region, subregion, lat, lon FROM countries ORDER BY code"),
        new("operations",
            [("slug", "string", true), ("name", "string", true), ("nameZh", "string", false), ("parent", "string", false),
             ("originCountry", "string", true), ("launched", "string", false), ("leadAgency", "string", false), ("description", "string", true)],
            ["slug"], [("parent", "operations", "slug"), ("originCountry", "countries", "code")],
            "SELECT slug, name, name_zh, parent, origin_country, launched, lead_agency, description FROM operations ORDER BY slug"),
    ];

    /// <summary>The zip's bytes and its file name (release and dataset version in it).</summary>
    public (byte[] Zip, string FileName) Build(DatasetDto dataset)
    {
        using var connection = db.Open();
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(archive, "datapackage.json", Descriptor(dataset).ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            foreach (var table in Tables) Entry(archive, $"{table.Name}.csv", Csv(connection, table));
        }
        return (zip.ToArray(), $"incidentapi-{dataset.Release.Version}-{dataset.Version}.zip");
    }

    // Fixed timestamps: the same data gives the same bytes, like every other response.
    private static void Entry(ZipArchive archive, string name, string text)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(false));
        writer.Write(text);
    }

    private static string Csv(SqliteConnection connection, Table table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\r\n" }, leaveOpen: true))
        {
            foreach (var field in table.Fields) csv.WriteField(field.Name);
            csv.EndRecord();
            using var reader = connection.ExecuteReader(table.Sql);
            while (reader.Read())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                    csv.WriteField(reader.IsDBNull(c) ? "" : Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    private static JsonObject Descriptor(DatasetDto dataset) => new()
    {
        ["profile"] = "tabular-data-package",
        ["name"] = "incidentapi-transnational-repression",
        ["title"] = dataset.Title,
        ["description"] = dataset.Description,
        ["version"] = dataset.Release.Version,
        ["created"] = $"{dataset.Release.Date}T00:00:00Z",
        ["id"] = $"incidentapi:{dataset.Version}",
        ["licenses"] = new JsonArray(new JsonObject
        {
            ["name"] = "CC-BY-4.0", ["path"] = dataset.LicenseUrl ?? "https://creativecommons.org/licenses/by/4.0/", ["title"] = dataset.License,
        }),
        ["citation"] = dataset.Citation,
        ["sources"] = new JsonArray(new JsonObject { ["title"] = "IncidentApi seed data (data/), each record with its own sources and verbatim quotes" }),
        ["resources"] = new JsonArray(Tables.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name.Replace('_', '-'),
            ["path"] = $"{t.Name}.csv",
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv", ["mediatype"] = "text/csv", ["encoding"] = "utf-8",
            ["schema"] = Schema(t),
        }).ToArray()),
    };

    private static JsonObject Schema(Table t)
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray(t.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name, ["type"] = f.Type, ["constraints"] = new JsonObject { ["required"] = f.Required },
            }).ToArray()),
            ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = new JsonArray(t.PrimaryKey.Select(k => (JsonNode)k).ToArray()),
        };
        if (t.ForeignKeys.Length > 0)   // the profile wants the list absent rather than empty
            schema["foreignKeys"] = new JsonArray(t.ForeignKeys.Select(k => (JsonNode)new JsonObject
            {
                ["fields"] = k.Field,
                ["reference"] = new JsonObject { ["resource"] = k.Resource == t.Name ? "" : k.Resource.Replace('_', '-'), ["fields"] = k.Key },
            }).ToArray());
        return schema;
    }
}
