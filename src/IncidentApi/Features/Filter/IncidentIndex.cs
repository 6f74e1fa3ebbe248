using System.Collections.Frozen;
using Microsoft.Data.Sqlite;

namespace IncidentApi.Features.Filter;

/// <summary>
/// Every incident's filterable facts, in columns, read once per database file. The dataset never changes while a file
/// is served, so instead of asking SQLite to scan rows for each new filter combination, a filter picks its smallest
/// posting list (the incidents with one value, already in id order), checks the other conditions on those candidates
/// only, and sorts the survivors by precomputed ranks. SQLite is then asked only for one page of rows, by primary key.
/// Index i holds the incident with seq i + 1 (seq is assigned in id order, so index order is id order).
/// </summary>
public sealed class IncidentIndex
{
    /// <summary>Bits of <see cref="Inferred"/>: the fields a curator read into the sources.</summary>
    [Flags]
    public enum Field : ushort { None = 0, OriginCountry = 1, HostCountry = 2, City = 4, Date = 8, Operation = 16, Outcome = 32, People = 64, TargetType = 128 }

    public const short None = -1;

    public required string Version { get; init; }
    public required int Count { get; init; }
    public required Codes Countries { get; init; }
    public required Codes Operations { get; init; }
    public required Codes Methods { get; init; }
    public required Codes Words { get; init; }   // outcomes, attributions, confidences, target types, regions, subregions
    public required short[] Host { get; init; }
    public required short[] Origin { get; init; }
    public required short[] Operation { get; init; }
    public required short[] Outcome { get; init; }
    public required short[] Attribution { get; init; }
    public required short[] Confidence { get; init; }
    public required short[] Region { get; init; }
    public required short[] Subregion { get; init; }
    public required int[] DateStart { get; init; }
    public required int[] DateEnd { get; init; }
    public required bool[] YearOnly { get; init; }
    public required int[] AddedOn { get; init; }
    public required int[] UpdatedOn { get; init; }
    public required int[] People { get; init; }   // -1: unknown
    public required Field[] Inferred { get; init; }
    public required byte[] SourceCount { get; init; }
    /// <summary>Methods of incident i: MethodValues[MethodStart[i]..MethodStart[i + 1]], with MethodInferred beside them.</summary>
    public required int[] MethodStart { get; init; }
    public required short[] MethodValues { get; init; }
    public required bool[] MethodInferred { get; init; }
    /// <summary>Distinct target types of incident i (None for a target whose type is unknown), like methods.</summary>
    public required int[] TypeStart { get; init; }
    public required short[] TypeValues { get; init; }
    /// <summary>Incident indexes per value, ascending: the candidates of a filter on that value.</summary>
    public required FrozenDictionary<(string Column, short Value), int[]> Postings { get; init; }
    /// <summary>
    /// The same sets for the one-value-per-incident columns (host, origin, operation, outcome, attribution,
    /// confidence, region, subregion) as bitmaps, bit i for incident i: an eighth of a byte per incident, so checking
    /// a candidate reads a few kilobytes that stay in the CPU's cache rather than a column array that does not.
    /// </summary>
    public required FrozenDictionary<(string Column, short Value), ulong[]> Bitmaps { get; init; }
    /// <summary>
    /// Periods by year, as bitmaps: bit i of <c>EndsInOrAfter[y - FirstYear]</c> is set when incident i's period ends in
    /// year y or later, of <c>StartsInOrBefore[y - FirstYear]</c> when it starts in year y or earlier. A from/to filter
    /// in whole years is two bit tests per candidate, in memory small enough to stay in the CPU's cache.
    /// </summary>
    public required int FirstYear { get; init; }
    public required ulong[][] EndsInOrAfter { get; init; }
    public required ulong[][] StartsInOrBefore { get; init; }
    /// <summary>Each incident's position in a sort order (ties broken by id), by sort key, e.g. "-date".</summary>
    public required FrozenDictionary<string, int[]> Ranks { get; init; }
    /// <summary>The incident at each position of a sort order: the inverse of <see cref="Ranks"/>.</summary>
    public required FrozenDictionary<string, int[]> Sorted { get; init; }

    /// <summary>A closed set of strings numbered in the order first seen; <see cref="IncidentIndex.None"/> for null.</summary>
    public sealed class Codes
    {
        private readonly Dictionary<string, short> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public short Of(string? value)
        {
            if (value is null) return None;
            if (_codes.TryGetValue(value, out var code)) return code;
            _codes[value] = (short)_values.Count;
            _values.Add(value);
            return (short)(_values.Count - 1);
        }

        public short Find(string value) => _codes.GetValueOrDefault(value, None);
        public string? Name(short code) => code < 0 ? null : _values[code];
        public int Size => _values.Count;
    }

    public static IncidentIndex Load(SqliteConnection connection, string version)
    {
        var (countries, operations, methods, words) = (new Codes(), new Codes(), new Codes(), new Codes());
        var regionOf = new Dictionary<string, (string? Region, string? Subregion)>(StringComparer.Ordinal);
        using (var reader = Reader(connection, "SELECT code, region, subregion FROM countries"))
            while (reader.Read()) regionOf[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));

        var n = Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM incidents"));
        var (host, origin, operation, outcome) = (new short[n], new short[n], new short[n], new short[n]);
        var (attribution, confidence, region, subregion) = (new short[n], new short[n], new short[n], new short[n]);
        var (start, end, added, updated, people) = (new int[n], new int[n], new int[n], new int[n], new int[n]);
        var yearOnly = new bool[n];
        using (var reader = Reader(connection, """
            SELECT host_country, origin_country, operation, outcome, attribution, confidence, date_start, date_end, date_precision,
                added_on, updated_on, people FROM incidents ORDER BY seq
            """))
            for (var i = 0; reader.Read(); i++)
            {
                var hostCode = reader.IsDBNull(0) ? null : reader.GetString(0);
                host[i] = countries.Of(hostCode);
                origin[i] = countries.Of(reader.GetString(1));
                operation[i] = operations.Of(reader.IsDBNull(2) ? null : reader.GetString(2));
                (outcome[i], attribution[i], confidence[i]) = (words.Of(reader.GetString(3)), words.Of(reader.GetString(4)), words.Of(reader.GetString(5)));
                var place = hostCode is null ? default : regionOf[hostCode];
                (region[i], subregion[i]) = (words.Of(place.Region), words.Of(place.Subregion));
                (start[i], end[i], yearOnly[i]) = (Day(reader.GetString(6)), Day(reader.GetString(7)), reader.GetString(8) == "year");
                (added[i], updated[i]) = (Day(reader.GetString(9)), Day(reader.GetString(10)));
                people[i] = reader.IsDBNull(11) ? -1 : reader.GetInt32(11);
            }

        var inferred = new Field[n];
        var inferredMethods = new HashSet<(int, string)>();
        using (var reader = Reader(connection, "SELECT incident - 1, field FROM incident_inferred"))
            while (reader.Read())
            {
                var field = reader.GetString(1);
                if (field.StartsWith("methods.", StringComparison.Ordinal)) inferredMethods.Add((reader.GetInt32(0), field[8..]));
                else inferred[reader.GetInt32(0)] |= FieldOf(field);
            }
        var sources = new byte[n];
        using (var reader = Reader(connection, "SELECT incident - 1, COUNT(*) FROM incident_sources GROUP BY incident"))
            while (reader.Read()) sources[reader.GetInt32(0)] = (byte)Math.Min(255, reader.GetInt32(1));
        var (methodStart, methodValues, methodInferred) = Lists(connection, n, "SELECT incident - 1, method FROM incident_methods ORDER BY incident, method",
            (i, method) => (methods.Of(method), inferredMethods.Contains((i, method!))));
        var (typeStart, typeValues, _) = Lists(connection, n, "SELECT DISTINCT incident - 1, type FROM incident_targets ORDER BY incident, type",
            (_, type) => (words.Of(type), false));

        var postings = new Dictionary<(string, short), List<int>>();
        void Post(string column, short value, int i)
        {
            if (value == None) return;
            if (!postings.TryGetValue((column, value), out var list)) postings[(column, value)] = list = [];
            list.Add(i);
        }
        for (var i = 0; i < n; i++)
        {
            Post("host", host[i], i); Post("origin", origin[i], i); Post("operation", operation[i], i);
            Post("outcome", outcome[i], i); Post("attribution", attribution[i], i); Post("confidence", confidence[i], i);
            Post("region", region[i], i); Post("subregion", subregion[i], i);
            for (var m = methodStart[i]; m < methodStart[i + 1]; m++) Post("method", methodValues[m], i);
            for (var t = typeStart[i]; t < typeStart[i + 1]; t++) Post("targetType", typeValues[t], i);
        }

        var (firstYear, endsInOrAfter, startsInOrBefore) = YearBitmaps(n, start, end);
        var (ranks, sorted) = IncidentOrder.Orders(n, start, added, updated, host, countries);
        return new()
        {
            Version = version, Count = n, Countries = countries, Operations = operations, Methods = methods, Words = words,
            Host = host, Origin = origin, Operation = operation, Outcome = outcome, Attribution = attribution, Confidence = confidence,
            Region = region, Subregion = subregion, DateStart = start, DateEnd = end, YearOnly = yearOnly, AddedOn = added, UpdatedOn = updated,
            People = people, Inferred = inferred, SourceCount = sources, MethodStart = methodStart, MethodValues = methodValues, MethodInferred = methodInferred,
            TypeStart = typeStart, TypeValues = typeValues,
            Postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray()),
            Bitmaps = postings.Where(p => p.Key.Item1 is not ("method" or "targetType")).ToFrozenDictionary(p => p.Key, p => Bitmap(n, p.Value)),
            FirstYear = firstYear, EndsInOrAfter = endsInOrAfter, StartsInOrBefore = startsInOrBefore,
            Ranks = ranks, Sorted = sorted,
        };
    }

    private static (int First, ulong[][] EndsInOrAfter, ulong[][] StartsInOrBefore) YearBitmaps(int n, int[] start, int[] end)
    {
        static int Year(int day) => DateOnly.FromDayNumber(day).Year;
        var first = n == 0 ? 2000 : Year(start.Min());
        var years = n == 0 ? 0 : Year(end.Max()) - first + 1;
        var (ends, starts) = (new ulong[years][], new ulong[years][]);
        for (var y = 0; y < years; y++) (ends[y], starts[y]) = (new ulong[(n + 63) / 64], new ulong[(n + 63) / 64]);
        for (var i = 0; i < n; i++)
        {
            for (var y = 0; y <= Year(end[i]) - first; y++) ends[y][i >> 6] |= 1UL << i;
            for (var y = Year(start[i]) - first; y < years; y++) starts[y][i >> 6] |= 1UL << i;
        }
        return (first, ends, starts);
    }

    private static ulong[] Bitmap(int n, List<int> ids)
    {
        var bits = new ulong[(n + 63) / 64];
        foreach (var i in ids) bits[i >> 6] |= 1UL << i;
        return bits;
    }

    public static Field FieldOf(string field) => field switch
    {
        "originCountry" => Field.OriginCountry, "hostCountry" => Field.HostCountry, "city" => Field.City, "date" => Field.Date,
        "operation" => Field.Operation, "outcome" => Field.Outcome, "people" => Field.People, "targets.type" => Field.TargetType,
        _ => Field.None,
    };

    /// <summary>A yyyy-MM-dd date as a day number (the order of dates), parsed without allocation.</summary>
    public static int Day(string iso) =>
        new DateOnly((iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0'),
            (iso[5] - '0') * 10 + (iso[6] - '0'), (iso[8] - '0') * 10 + (iso[9] - '0')).DayNumber;

    // A list column (methods, target types) in compressed form: values of incident i at [starts[i], starts[i + 1]).
    private static (int[] Starts, short[] Values, bool[] Flags) Lists(SqliteConnection connection, int n, string sql, Func<int, string?, (short, bool)> read)
    {
        var (starts, values, flags) = (new int[n + 1], new List<short>(), new List<bool>());
        using var reader = Reader(connection, sql);
        var last = -1;
        while (reader.Read())
        {
            var i = reader.GetInt32(0);
            for (var j = last + 1; j <= i; j++) starts[j] = values.Count;
            last = i;
            var (value, flag) = read(i, reader.IsDBNull(1) ? null : reader.GetString(1));
            values.Add(value);
            flags.Add(flag);
        }
        for (var j = last + 1; j <= n; j++) starts[j] = values.Count;
        return (starts, values.ToArray(), flags.ToArray());
    }

    private static SqliteDataReader Reader(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteReader();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
