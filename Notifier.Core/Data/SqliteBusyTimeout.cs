using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Notifier.Core.Data;

/// <summary>
/// Lets SQLite itself wait for its write lock (<c>PRAGMA busy_timeout</c>) on every connection. Without it a statement
/// that finds the database busy fails back to Microsoft.Data.Sqlite, which retries only after a fixed pause; parallel
/// sends in the embedded default then spent most of their time in those pauses. SQLite's own handler retries within
/// milliseconds of the lock coming free.
/// </summary>
public sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Pragma(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Pragma(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Pragma(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds}";
        return command;
    }
}
