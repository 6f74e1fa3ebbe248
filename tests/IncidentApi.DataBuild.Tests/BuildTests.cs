using System.Security.Cryptography;
using IncidentApi.DataBuild;
using IncidentApi.Testing;

namespace IncidentApi.DataBuild.Tests;

public sealed class BuildTests
{
    [Fact]
    public void The_real_data_validates_with_zero_problems()
    {
        var output = Path.Combine(TestSeed.NewTempFolder(), "incidents.db");
        var result = DatabaseBuilder.Build(TestSeed.RealData, output);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.True(result.Incidents > 0);
    }

    [Fact]
    public void The_changelog_is_generated_from_the_release_list_and_current()
    {
        var (seed, problems) = IncidentApi.DataBuild.Seed.SeedReader.Read(TestSeed.RealData);
        Assert.Empty(problems);
        Assert.Equal(Changelog.Render(seed), File.ReadAllText(Path.Combine(TestSeed.RealData, Changelog.FileName)).Replace("\r\n", "\n"));
    }

    [Fact]
    public void The_same_seeds_give_the_same_version_wherever_they_are()
    {
        var (a, b) = (TestSeed.CreateDirectory(), TestSeed.CreateDirectory());
        Assert.Equal(DatasetVersion.Of(a), DatasetVersion.Of(b));
        Assert.Equal(DatabaseBuilder.ReadVersion(TestSeed.BuildDatabase(a)), DatabaseBuilder.ReadVersion(TestSeed.BuildDatabase(b)));
    }

    [Fact]
    public void Any_change_to_a_seed_changes_the_version()
    {
        var seed = TestSeed.CreateDirectory();
        var before = DatasetVersion.Of(seed);
        File.AppendAllText(Path.Combine(seed, "incidents", "syn-01-ca-2016-sky-net.yaml"), "\n");
        Assert.NotEqual(before, DatasetVersion.Of(seed));
    }

    [Fact]
    public void A_rebuild_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        var seed = TestSeed.CreateDirectory();
        var db = TestSeed.BuildDatabase(seed);
        using (var reader = File.OpenRead(db))   // a reader holding the old file keeps reading it
        {
            File.AppendAllText(Path.Combine(seed, "incidents", "syn-01-ca-2016-sky-net.yaml"), "\n");
            Assert.True(DatabaseBuilder.Build(seed, db).Succeeded);
            Assert.True(reader.ReadByte() >= 0);
        }
        Assert.Equal(DatasetVersion.Of(seed), DatabaseBuilder.ReadVersion(db));
        Assert.True(DatabaseBuilder.IsCurrent(db, seed));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(db)!, "*.tmp"));
    }
}

/// <summary>Each kind of bad record fails the build naming file, record and reason, and leaves the database as it was.</summary>
public sealed class RejectionTests
{
    private const string File1 = "syn-01-ca-2016-sky-net";

    public static TheoryData<string, string, string, string> BadRecords => new()
    {
        // description, text to replace in syn-01, replacement, expected reason
        { "no source", "sources:\n- url: https://example.org/synthetic/01\n  publisher: Example Publisher\n  title: Synthetic source 01\n  publishedOn: '2016-11-16'\n  kind: prosecutor\n  quote: Synthetic quote number 01 supporting a made-up record.\n", "sources: []\n", "sources: every incident needs at least one source" },
        { "no quote", "  quote: Synthetic quote number 01 supporting a made-up record.", "  quote: null", "sources[0].quote: every source needs a verbatim quote" },
        { "long quote", "  quote: Synthetic quote number 01 supporting a made-up record.", "  quote: " + string.Join(' ', Enumerable.Repeat("word", 31)), "must be at most 30 words (has 31)" },
        { "relative url", "url: https://example.org/synthetic/01", "url: /synthetic/01", "sources[0].url: must be an absolute http(s) URL" },
        { "ftp url", "url: https://example.org/synthetic/01", "url: ftp://example.org/01", "sources[0].url: must be an absolute http(s) URL" },
        { "unknown method", "- family-pressure", "- mind-control", "unknown method 'mind-control'" },
        { "unknown operation", "operation: sky-net", "operation: sky-nett", "unknown operation 'sky-nett'" },
        { "unknown country", "hostCountry: CA", "hostCountry: XX", "unknown country code 'XX'" },
        { "bad date", "date: '2016-11-16'", "date: '2016-13'", "date: must be a date YYYY, YYYY-MM or YYYY-MM-DD" },
        { "precision mismatch", "datePrecision: day", "datePrecision: month", "'month' does not match date '2016-11-16'" },
        { "unknown outcome", "outcome: returned", "outcome: vanished", "outcome: unknown outcome" },
        { "unknown target type", "type: fugitive-official", "type: spy", "targets[0].type: unknown target type" },
        // Codebook v2: evidence a reader can check field by field.
        { "unknown source kind", "kind: prosecutor", "kind: blog", "sources[0].kind: unknown source kind" },
        { "unknown attribution", "attribution: judicial", "attribution: rumoured", "attribution: unknown attribution" },
        { "attribution without its kind of source", "attribution: judicial", "attribution: acknowledged", "'acknowledged' needs a source of kind origin-state" },
        { "confidence lowered without a reason", "confidence: high", "confidence: medium", "a record rated lower must say why in notes" },
        { "low confidence published", "confidence: high", "confidence: low", "a low-confidence record is not published" },
        { "unknown inferred field", "inferred: []", "inferred:\n- hostcountry", "unknown field 'hostcountry'" },
        { "inferred method not among the methods", "inferred: []", "inferred:\n- methods.kidnapping", "'methods.kidnapping' is not one of this record's methods" },
        { "no people", "people: 1", "people: 0", "people: 'people' must be greater than '0'" },
        { "unnamed target", "- name: Synthetic Person 00001", "- name: null", "a target needs a name" },
        { "a v1 target field", "attribution: judicial", "attribution: judicial\ntarget: x", "unknown field 'target'" },
        { "unknown field", "confidence: high", "confidence: high\nrumour: something", "unknown field 'rumour'" },
        { "id not file name", "id: syn-01-ca-2016-sky-net", "id: syn-99", "id: must equal the file name" },
        { "same person same date", "name: Synthetic Person 00001", "name: Synthetic Person 00003\n  # same person as syn-03", "PLACEHOLDER" },
        { "yaml syntax", "title: Synthetic incident", "title: [Synthetic incident", "expected a single text value here" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void A_bad_record_fails_the_build_with_file_record_and_reason_and_changes_nothing(string kind, string find, string replace, string reason)
    {
        var seed = TestSeed.CreateDirectory();
        var db = TestSeed.BuildDatabase(seed);
        var before = SHA256.HashData(File.ReadAllBytes(db));
        var path = Path.Combine(seed, "incidents", File1 + ".yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        if (kind == "same person same date")
        {
            // syn-03 is dated 2015; give syn-01 its person and date.
            text = text.Replace(find, replace).Replace("date: '2016-11-16'", "date: '2015'").Replace("datePrecision: day", "datePrecision: year");
            reason = "duplicate person and date";
        }
        else text = text.Replace(find, replace);
        File.WriteAllText(path, text);

        var result = DatabaseBuilder.Build(seed, db);

        Assert.False(result.Succeeded, kind);
        var problem = result.Problems.Select(p => p.ToString()).FirstOrDefault(p => p.Contains(File1) || p.Contains("syn-03")) ?? "";
        Assert.StartsWith("data/incidents/", problem);
        Assert.Contains(reason, string.Join("\n", result.Problems));
        if (kind != "same person same date")
        {
            // The line of the offending field, not the record's first line.
            var at = text.IndexOf(replace, StringComparison.Ordinal) + replace.TrimEnd('\n').LastIndexOf('\n') + 1;   // its last line
            var line = text[..at].Count(c => c == '\n') + 1;
            Assert.Contains(result.Problems, p => p.File.EndsWith(File1 + ".yaml") && p.Line == line && p.Reason.Contains(reason));
        }
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(db)!, "*.tmp"));
    }

    /// <summary>v2 rules whose failing record needs more than one edit.</summary>
    public static TheoryData<string, string[], string> BadEvidence => new()
    {
        // description, pairs of (text in syn-01, replacement), expected reason
        { "no source kind", ["  kind: prosecutor\n", ""], "sources[0].kind: 'kind' must not be empty" },
        { "confidence above the rule", ["kind: prosecutor", "kind: press", "attribution: judicial", "attribution: reported"], "'high' is above what the sources allow" },
        { "inferred names an empty field", ["city: Synthetic City", "city: null", "inferred: []", "inferred:\n- city"], "'city' is empty" },
        { "fewer people than named targets", ["  type: fugitive-official\n", "  type: fugitive-official\n- name: Synthetic Person 00099\n  nameZh: null\n  type: null\n"],
            "must be at least the 2 named target(s)" },
        { "assertive title without a strong attribution",
            ["title: Synthetic incident 01 (test data, not a real event)", "title: Synthetic Person 00001 abducted (test data)",
             "attribution: judicial", "attribution: reported", "kind: prosecutor", "kind: press", "confidence: high", "confidence: medium"],
            "asserts 'abducted' but attribution is 'reported'" },
    };

    [Theory]
    [MemberData(nameof(BadEvidence))]
    public void A_record_that_breaks_an_evidence_rule_fails_the_build_naming_it(string kind, string[] edits, string reason)
    {
        var seed = TestSeed.CreateDirectory();
        var path = Path.Combine(seed, "incidents", File1 + ".yaml");
        var text = File.ReadAllText(path);
        for (var e = 0; e < edits.Length; e += 2)
        {
            Assert.Contains(edits[e], text);
            text = text.Replace(edits[e], edits[e + 1]);
        }
        File.WriteAllText(path, text);

        var result = DatabaseBuilder.Build(seed, Path.Combine(Path.GetDirectoryName(seed)!, "x.db"));

        Assert.False(result.Succeeded, kind);
        Assert.Contains(result.Problems, p => p.File.EndsWith(File1 + ".yaml") && p.Reason.Contains(reason));
    }

    [Fact]
    public void A_hedged_title_may_report_what_only_a_weak_attribution_supports()
    {
        var seed = TestSeed.CreateDirectory();
        var path = Path.Combine(seed, "incidents", File1 + ".yaml");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("title: Synthetic incident 01 (test data, not a real event)", "title: Synthetic Person 00001 reportedly abducted (test data)")
            .Replace("attribution: judicial", "attribution: reported").Replace("kind: prosecutor", "kind: press")
            .Replace("confidence: high", "confidence: medium"));
        var result = DatabaseBuilder.Build(seed, Path.Combine(Path.GetDirectoryName(seed)!, "x.db"));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void An_operation_source_follows_the_same_source_rules()
    {
        var seed = TestSeed.CreateDirectory();
        var path = Path.Combine(seed, "operations.yaml");
        var text = File.ReadAllText(path);
        var sources = text.IndexOf("  sources:", StringComparison.Ordinal);
        var quote = text[sources..].Split('\n').First(l => l.StartsWith("    quote:", StringComparison.Ordinal));
        File.WriteAllText(path, text.Replace(quote, "    quote: " + string.Join(' ', Enumerable.Repeat("word", 31))));
        var result = DatabaseBuilder.Build(seed, Path.Combine(Path.GetDirectoryName(seed)!, "x.db"));
        Assert.Contains(result.Problems, p => p.File.EndsWith("operations.yaml") && p.Reason.Contains("sources[0].quote: must be at most 30 words"));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var seed = TestSeed.CreateDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(seed, "incidents")).Take(3))
            File.WriteAllText(file, File.ReadAllText(file).Replace("outcome: ", "outcome: x"));
        var result = DatabaseBuilder.Build(seed, Path.Combine(Path.GetDirectoryName(seed)!, "x.db"));
        Assert.Equal(3, result.Problems.Count(p => p.Reason.Contains("unknown outcome")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(seed)!, "x.db")));
    }

    [Fact]
    public void A_broken_list_file_names_its_line()
    {
        var seed = TestSeed.CreateDirectory();
        var methods = Path.Combine(seed, "methods.yaml");
        File.WriteAllText(methods, File.ReadAllText(methods) + "- slug: Not A Slug\n  name: x\n  definition: x\n  source: {url: null, publisher: x, quote: x}\n");
        var problem = Assert.Single(DatabaseBuilder.Build(seed, Path.Combine(seed, "..", "y.db")).Problems);
        Assert.Matches(@"^data/methods\.yaml:\d+: Not A Slug: slug: must be a lowercase slug", problem.ToString());
    }
}

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("杨秀珠", "(\"杨秀\" AND \"秀珠\")")]
    [InlineData("国强", "\"国强\"")]
    [InlineData("王", "\"王\"")]
    [InlineData("Qiao extradit", "\"qiao\"* AND \"extradit\"*")]
    [InlineData("\"a\" OR NEAR(b)", "(\"a\" OR (\"near\"* AND \"b\"*))")]
    [InlineData("extradition OR deportation", "(\"extradition\"* OR \"deportation\"*)")]
    [InlineData("\"fox hunt\" Canada", "(\"fox hunt\" OR \"foxhunt\"*) AND \"canada\"*")]
    [InlineData("\"honey trap\"", "\"honey trap\"")]
    [InlineData("uighur", "(\"uyghur\"* OR \"uighur\"* OR \"uigur\"* OR \"uyghurs\"* OR \"uighurs\"*)")]
    [InlineData("East Turkistan", "(\"xinjiang\"* OR \"east turkistan\" OR \"east turkestan\")")]
    [InlineData("OR OR a", "\"a\"*")]
    [InlineData("NEAR(\"a\" b) AND :title ^x -y", "\"near\"* AND \"a\" AND \"b\"* AND \"and\"* AND \"title\"* AND \"x\"* AND \"y\"*")]
    public void Queries_become_quoted_terms_only(string q, string expected) => Assert.Equal(expected, SearchText.ToMatch(q));

    [Theory]
    [InlineData("\""), InlineData("*"), InlineData("()"), InlineData("  ")]
    public void A_query_without_letters_or_digits_has_no_match_expression(string q) => Assert.Null(SearchText.ToMatch(q));

    [Fact]
    public void Chinese_text_is_indexed_as_characters_and_pairs() =>
        Assert.Contains("杨 杨秀 秀 秀珠 珠", SearchText.ForIndex("杨秀珠"));
}

public sealed class SyntheticTests
{
    [Fact]
    public void Synthetic_data_is_visibly_made_up_and_never_touches_the_seed_folder()
    {
        var data = TestSeed.CopyOfRealData();
        var before = DatasetVersion.Of(data);
        var output = Path.Combine(TestSeed.NewTempFolder(), "bench.db");

        var result = DatabaseBuilder.BuildSynthetic(data, 600, output);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems.Take(5)));
        Assert.Equal(before, DatasetVersion.Of(data));
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False");
        db.Open();
        long Scalar(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; return (long)c.ExecuteScalar()!; }
        Assert.Equal(600, Scalar("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM incidents WHERE id NOT LIKE 'synthetic-%' OR target_name NOT LIKE 'Synthetic Person %'"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM incident_sources WHERE url NOT LIKE 'https://example.org/%'"));
        Assert.InRange(Scalar("SELECT COUNT(DISTINCT host_country) FROM incidents"), 50, 60);
        Assert.InRange(Scalar("SELECT COUNT(*) FROM incidents WHERE target_name_zh IS NOT NULL"), 190, 210);
    }
}

public sealed class SearchTextEdgeTests
{
    [Fact]
    public void Latin_written_against_Chinese_becomes_two_terms() =>
        Assert.Equal("(\"lu\"* AND \"卢思\" AND \"思位\")", SearchText.ToMatch("Lu卢思位"));

    [Fact]
    public void Traditional_and_simplified_chinese_are_one_script_in_queries_and_in_the_index()
    {
        Assert.Equal(SearchText.ToMatch("李延贺"), SearchText.ToMatch("李延賀"));
        Assert.Equal(SearchText.ToMatch("杨秀珠"), SearchText.ToMatch("楊秀珠"));
        Assert.Contains("猎狐", SearchText.ForIndex("獵狐行動"));
        Assert.Equal("李延贺", ChineseFolding.Fold("李延賀"));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_character_not_two_halves()
    {
        Assert.Equal("\"𠀀\"", SearchText.ToMatch("𠀀"));
        Assert.Equal("\"𠀀王\"", SearchText.ToMatch("𠀀王"));
        Assert.Contains("𠀀 𠀀王 王", SearchText.ForIndex("𠀀王"));
    }
}
