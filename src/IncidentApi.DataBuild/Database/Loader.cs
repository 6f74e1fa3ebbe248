using Dapper;
using IncidentApi.DataBuild.Seed;
using Microsoft.Data.Sqlite;

namespace IncidentApi.DataBuild.Database;

/// <summary>Writes a validated seed set into an empty database created by <see cref="Schema"/>, in one transaction.</summary>
public static class Loader
{
    /// <param name="seeds">The seed directory relative to the database's folder, recorded so that the service knows a
    /// file it may rebuild (see DatabaseBuilder.SeedsOf); null for synthetic data.</param>
    public static void Insert(SqliteConnection db, SeedSet seed, string version, string? seeds)
    {
        using var tx = db.BeginTransaction();
        db.Execute("INSERT INTO countries VALUES (@Code, @Alpha3, @Name, @Region, @Subregion, @Lat, @Lon)", seed.Countries, tx);
        db.Execute("INSERT INTO methods VALUES (@Slug, @Name, @Definition, @Url, @Publisher, @Quote)",
            seed.Methods.Select(m => new { m.Slug, m.Name, m.Definition, m.Source!.Url, m.Source.Publisher, m.Source.Quote }), tx);
        // Parents first, so the foreign key holds whatever order the file lists them in.
        db.Execute("""
            INSERT INTO operations VALUES (@Slug, @Name, @NameZh, @Parent, @OriginCountry, @Launched, @LaunchedPrecision,
                @LaunchedNote, @LeadAgency, @Description, @Notes)
            """, seed.Operations.OrderBy(o => Depth(seed.Operations, o)), tx);
        db.Execute("INSERT INTO operation_claims VALUES (@Operation, @Position, @Year, @Figure, @Claim, @Url, @Quote)",
            seed.Operations.SelectMany(o => (o.OfficialClaims ?? []).Select((c, i) =>
                new { Operation = o.Slug, Position = i + 1, c.Year, c.Figure, c.Claim, c.Url, c.Quote })), tx);
        db.Execute("INSERT INTO operation_sources VALUES (@Operation, @Position, @Url, @Publisher, @Title, @PublishedOn, @Kind, @Quote)",
            seed.Operations.SelectMany(o => o.Sources!.Select((s, i) =>
                new { Operation = o.Slug, Position = i + 1, s.Url, s.Publisher, s.Title, s.PublishedOn, s.Kind, s.Quote })), tx);

        InsertReleases(db, seed, tx);
        db.Execute("INSERT INTO figures VALUES (@Key, @Position, @Publisher, @Report, @Period, @Figure, @Unit, @Scope, @Url, @PublishedOn, @Quote, @Notes)",
            seed.Figures.Select((f, i) => new { f.Key, Position = i + 1, f.Publisher, f.Report, f.Period, f.Figure, f.Unit, f.Scope, f.Url, f.PublishedOn, f.Quote, f.Notes }), tx);

        var countries = seed.Countries.ToDictionary(c => c.Code!);
        // An incident is found by the names of its operation (and the operation a campaign belongs to) and its methods,
        // in English and Chinese: 天网 and "Sky Net" find Sky Net 2021's incidents.
        var operationsBySlug = seed.Operations.ToDictionary(o => o.Slug!);
        var methodNames = seed.Methods.ToDictionary(m => m.Slug!, m => m.Name);
        string?[] topics(IncidentSeed i)
        {
            var names = new List<string?>();
            for (var slug = i.Operation; slug is not null && operationsBySlug.TryGetValue(slug, out var op); slug = op.Parent)
                names.AddRange([op.Name, op.NameZh]);
            names.AddRange(i.Methods!.Select(m => methodNames.GetValueOrDefault(m)));
            return names.ToArray();
        }
        var places = seed.Places.ToDictionary(p => (p.Country!, p.City!));
        // One prepared statement per table, reused for every incident: preparing the same SQL again for each row cost
        // more than the inserts themselves (a third of a 100k-incident build).
        using var incidents = new Prepared(db, tx, "INSERT INTO incidents VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)");
        using var json = new Prepared(db, tx, "INSERT INTO incident_json VALUES ($0, $1)");
        using var methods = new Prepared(db, tx, "INSERT INTO incident_methods VALUES ($0, $1)");
        using var targets = new Prepared(db, tx, "INSERT INTO incident_targets VALUES ($0, $1, $2, $3, $4)");
        using var inferred = new Prepared(db, tx, "INSERT INTO incident_inferred VALUES ($0, $1)");
        using var sources = new Prepared(db, tx, "INSERT INTO incident_sources VALUES ($0, $1, $2, $3, $4, $5, $6, $7)");
        using var search = new Prepared(db, tx, "INSERT INTO incident_search (rowid, title, summary, names, places, topics, sources) VALUES ($0, $1, $2, $3, $4, $5, $6)");
        var seq = 0;
        foreach (var i in seed.Incidents.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            seq++;
            PartialDate.TryParse(i.Date, out var date);
            var (lat, lon, precision) =
                i.HostCountry is { } host && i.City is { } city && places.TryGetValue((host, city), out var place) ? (place.Lat, place.Lon, "city")
                : i.HostCountry is { } h ? (countries[h].Lat, countries[h].Lon, "country")
                : ((double?)null, (double?)null, (string?)null);
            var first = i.Targets!.FirstOrDefault();
            incidents.Run(seq, i.Id, i.Title, i.Date, i.DatePrecision, PartialDate.Iso(date.Start), PartialDate.Iso(date.End), i.DateMeaning,
                i.OriginCountry, i.HostCountry, i.City, lat, lon, precision, i.Operation, i.Outcome, i.Attribution, i.People,
                first?.Name, first?.NameZh, first?.Type, i.Summary, i.Confidence, i.Notes, i.AddedOn, i.UpdatedOn);
            json.Run(seq, IncidentJson.Serialize(Published(i, countries, operationsBySlug, lat is { } y && lon is { } x ? new(y, x, precision!) : null)));
            foreach (var method in i.Methods!) methods.Run(seq, method);
            foreach (var (t, n) in i.Targets!.Select((t, n) => (t, n))) targets.Run(seq, n + 1, t.Name, t.NameZh, t.Type);
            foreach (var field in i.Inferred!) inferred.Run(seq, field);
            foreach (var (s, n) in i.Sources!.Select((s, n) => (s, n))) sources.Run(seq, n + 1, s.Url, s.Publisher, s.Title, s.PublishedOn, s.Kind, s.Quote);
            search.Run(seq, SearchText.ForIndex(i.Title), SearchText.ForIndex(i.Summary),
                SearchText.ForIndex(i.Targets!.SelectMany(t => new[] { t.Name, t.NameZh }).ToArray()),
                SearchText.ForIndex(i.City, i.HostCountry is { } hc ? countries[hc].Name : null),
                SearchText.ForIndex(topics(i)),
                SearchText.ForIndex(i.Sources!.SelectMany(s => new[] { s.Title, s.Publisher, s.Quote }).ToArray()));
        }

        var meta = new Dictionary<string, string?>
        {
            ["version"] = version,
            // A function of the seeds alone, never the wall clock: the same seeds give the same bytes everywhere.
            ["release"] = seed.Release.Version, ["releaseDate"] = seed.Release.Date,
            ["builtAt"] = $"{seed.Release.Date}T00:00:00Z", ["seeds"] = seeds,
            ["title"] = seed.Dataset.Title, ["description"] = seed.Dataset.Description, ["license"] = seed.Dataset.License,
            ["licenseUrl"] = seed.Dataset.LicenseUrl, ["citation"] = seed.Dataset.Citation, ["seedData"] = seed.Dataset.SeedData,
            ["corrections"] = seed.Dataset.Corrections, ["contact"] = seed.Dataset.Contact,
        };
        db.Execute("INSERT INTO meta VALUES (@Key, @Value)", meta.Where(m => m.Value is not null).Select(m => new { m.Key, m.Value }), tx);
        tx.Commit();
    }

    // A statement prepared once and run for many rows; its parameters are $0, $1, ... in order.
    private sealed class Prepared : IDisposable
    {
        private readonly SqliteCommand _command;

        public Prepared(SqliteConnection db, SqliteTransaction tx, string sql)
        {
            _command = db.CreateCommand();
            _command.Transaction = tx;
            _command.CommandText = sql;
            for (var p = 0; sql.Contains($"${p}", StringComparison.Ordinal); p++) _command.Parameters.Add(new SqliteParameter($"${p}", null));
            _command.Prepare();
        }

        public void Run(params object?[] values)
        {
            for (var p = 0; p < values.Length; p++) _command.Parameters[p].Value = values[p] ?? DBNull.Value;
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }

    // The incident as the API publishes it: names beside codes, the map point, lists in a fixed order (methods and
    // inferred fields alphabetical, sources and targets as the record lists them), v1's target as the first of targets.
    private static IncidentDto Published(IncidentSeed i, Dictionary<string, CountrySeed> countries, Dictionary<string, OperationSeed> operations, Location? location)
    {
        var first = i.Targets!.FirstOrDefault();
        return new(i.Id!, i.Title!, i.Date!, i.DatePrecision!, i.DateMeaning,
            i.Operation is { } slug ? new(slug, operations[slug].Name!) : null,
            new(i.OriginCountry!, countries[i.OriginCountry!].Name!),
            i.HostCountry is { } host ? new(host, countries[host].Name!) : null,
            i.City, location, new(first?.Name, first?.NameZh, first?.Type),
            i.Methods!.Order(StringComparer.Ordinal).ToList(), i.Outcome!, i.Summary!, i.Confidence!, i.Notes,
            i.Sources!.Select(s => new SourceDto(s.Url!, s.Title, s.Publisher!, s.PublishedOn, s.Quote!, s.Kind!)).ToList(),
            i.AddedOn!, i.UpdatedOn!, i.Targets!.Select(t => new TargetDto(t.Name, t.NameZh, t.Type)).ToList(),
            i.People, i.Attribution!, i.Inferred!.Order(StringComparer.Ordinal).ToList());
    }

    // Each release with its number of incidents (from its manifest; the current one from the seeds) and its changes.
    private static void InsertReleases(SqliteConnection db, SeedSet seed, SqliteTransaction tx)
    {
        db.Execute("INSERT INTO releases VALUES (@Version, @Position, @Date, @Summary, @Incidents)", seed.Releases.Select((r, i) => new
        {
            r.Version, Position = i + 1, r.Date, r.Summary,
            Incidents = seed.Manifests.TryGetValue(r.Version!, out var m) ? m.Count : seed.Incidents.Count,
        }), tx);
        db.Execute("INSERT INTO release_changes VALUES (@Version, @Position, @Id, @Change, @What, @ReplacedBy)", seed.Releases.SelectMany(r =>
            (r.Added ?? []).Select(id => (Id: id, Change: "added", What: (string?)null, ReplacedBy: (string?)null))
                .Concat((r.Changed ?? []).Select(c => (Id: c.Id!, Change: "changed", What: c.What, ReplacedBy: (string?)null)))
                .Concat((r.Removed ?? []).Select(x => (Id: x.Id!, Change: "removed", What: x.Reason, ReplacedBy: x.ReplacedBy)))
                .Select((c, n) => new { r.Version, Position = n + 1, c.Id, c.Change, c.What, c.ReplacedBy })), tx);
    }

    private static int Depth(IReadOnlyList<OperationSeed> all, OperationSeed op)
    {
        var depth = 0;
        for (var p = op.Parent; p is not null && depth < all.Count; p = all.FirstOrDefault(o => o.Slug == p)?.Parent) depth++;
        return depth;
    }
}
