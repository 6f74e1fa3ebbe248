using System.Net;
using System.Text;
using System.Text.Json;

namespace IncidentApi.Tests;

[Collection("api")]
public sealed class IncidentFormatTests(ApiFactory api)
{
    [Fact]
    public async Task Csv_is_a_utf8_download_with_bom_header_and_one_row_per_match()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/incidents?format=csv&country=CA");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var version = (await api.GetJson("/api/v1/dataset")).GetProperty("version").GetString();
        Assert.Equal($"attachment; filename=\"incidents-CA-{version}.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("id", rows[0][0]);
        Assert.Equal(await api.Total("/api/v1/incidents?country=CA"), rows.Count - 1);
        var first = rows.Single(r => r[0] == "syn-01-ca-2016-sky-net");
        Assert.Contains("测试", first);                                   // Chinese names survive
        Assert.Contains("family-pressure;persuade-to-return", first);    // lists joined with ';'
    }

    [Fact]
    public async Task Csv_row_count_equals_total_items_for_everything()
    {
        var csv = await api.CreateClient().GetStringAsync("/api/v1/incidents?format=csv");
        Assert.Equal(await api.Total("/api/v1/incidents"), Csv.Parse(csv.TrimStart('\uFEFF')).Count - 1);
    }

    [Fact]
    public async Task Csv_quotes_embedded_quotes_commas_and_newlines_per_rfc_4180()
    {
        var csv = await api.CreateClient().GetStringAsync("/api/v1/incidents?format=csv&q=like+this&fields=summary");
        var row = Csv.Parse(csv.TrimStart('\uFEFF'))[1];
        Assert.Equal("Synthetic summary 09 with quotes \"like this\", commas, and a second line.\nSecond line.", row[1]);
    }

    [Fact]
    public async Task Csv_neutralises_cells_that_a_spreadsheet_would_run_as_formulas()
    {
        var csv = await api.CreateClient().GetStringAsync("/api/v1/incidents?format=csv&country=US&fields=title,location");
        var rows = Csv.Parse(csv.TrimStart('\uFEFF'));
        Assert.Equal("'=SUM(1+1) synthetic formula-injection probe", rows[1][1]);
        Assert.StartsWith("-", rows[1][Array.IndexOf(rows[0], "lon")]);   // numbers are left alone
    }

    [Fact]
    public async Task Accept_text_csv_gives_csv()
    {
        var response = await GetAccepting("/api/v1/incidents", "text/csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GeoJson_is_a_feature_collection_of_points_with_their_precision()
    {
        var response = await GetAccepting("/api/v1/incidents", "application/geo+json");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", doc.GetProperty("type").GetString());
        var features = doc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(13, features.Count);
        var city = features.Single(f => f.GetProperty("id").GetString() == "syn-01-ca-2016-sky-net");
        Assert.Equal("Point", city.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(-75.0, city.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());   // [lon, lat]
        Assert.Equal("city", city.GetProperty("properties").GetProperty("pointPrecision").GetString());
        var country = features.Single(f => f.GetProperty("id").GetString() == "syn-04-au-2016-fox-hunt");
        Assert.Equal("country", country.GetProperty("properties").GetProperty("pointPrecision").GetString());
        var unknown = features.Single(f => f.GetProperty("id").GetString() == "syn-06-unknown-host-2019");
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("geometry").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/incidents", "image/png")]
    [InlineData("/api/v1/countries", "text/csv")]
    public async Task A_format_the_endpoint_cannot_produce_is_406(string url, string accept)
    {
        var response = await GetAccepting(url, accept);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_browser_accept_header_gets_json()
    {
        var response = await GetAccepting("/api/v1/incidents", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    private Task<HttpResponseMessage> GetAccepting(string url, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return api.CreateClient().SendAsync(request);
    }
}

/// <summary>A small RFC 4180 reader, so the tests check the CSV as a spreadsheet would read it.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var (rows, row, field, quoted) = (new List<string[]>(), new List<string>(), new StringBuilder(), false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
