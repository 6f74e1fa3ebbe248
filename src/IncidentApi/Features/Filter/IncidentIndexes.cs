using Microsoft.Data.Sqlite;

namespace IncidentApi.Features.Filter;

/// <summary>
/// The index of the database file being served, loaded on first use and again when the file is replaced.
/// <see cref="For"/> looks it up by the version of the file a connection reads, so a request that reads SQLite never
/// applies one file's index to another file's rows. <see cref="Current"/> answers without a query while the file is
/// unchanged (<see cref="Db.Generation"/>): what a request served wholly from memory needs.
/// </summary>
public sealed class IncidentIndexes(Db db)
{
    private readonly Lock _loading = new();
    private volatile IncidentIndex? _latest;
    private volatile Served? _served;

    private sealed record Served(IncidentIndex Index, int Generation);

    public IncidentIndex Current()
    {
        var generation = db.Generation;
        if (_served is { } served && served.Generation == generation) return served.Index;
        // Opened after the replacement was noticed (the pool was cleared then), so it reads the file now served.
        using var connection = db.Open();
        var index = For(connection);
        _served = new(index, generation);
        return index;
    }

    public IncidentIndex For(SqliteConnection connection)
    {
        var version = Version(connection);
        if (_latest is { } latest && latest.Version == version) return latest;
        lock (_loading)
        {
            if (_latest is { } loaded && loaded.Version == version) return loaded;
            return _latest = IncidentIndex.Load(connection, version);
        }
    }

    private static string Version(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'version'";
        return (string)command.ExecuteScalar()!;
    }
}
