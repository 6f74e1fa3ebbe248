using Microsoft.Data.Sqlite;

namespace IncidentApi.Features.Filter;

/// <summary>
/// The index of the database file being served, loaded on first use and again when the file is replaced. It is
/// looked up by the version of the file the caller's connection reads, so during a swap a request never applies one
/// file's index to another file's rows.
/// </summary>
public sealed class IncidentIndexes
{
    private readonly Lock _loading = new();
    private volatile IncidentIndex? _current;

    public IncidentIndex For(SqliteConnection connection)
    {
        var version = Version(connection);
        if (_current is { } current && current.Version == version) return current;
        lock (_loading)
        {
            if (_current is { } loaded && loaded.Version == version) return loaded;
            return _current = IncidentIndex.Load(connection, version);
        }
    }

    private static string Version(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'version'";
        return (string)command.ExecuteScalar()!;
    }
}
