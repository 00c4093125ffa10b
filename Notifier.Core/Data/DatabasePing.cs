using Microsoft.EntityFrameworkCore;

namespace Notifier.Core.Data;

/// <summary>
/// Whether the database answers now: <c>SELECT 1</c> on the context's connection, opened outside EF's execution
/// strategy. EF's <c>CanConnect</c> runs under the context's retrying strategy, which on MariaDB took 57 s to say the
/// server was down (docs/decisions/0019); a health signal must say so at once.
/// </summary>
public static class DatabasePing
{
    /// <summary>How long a health signal waits for the answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Returns when the database answered; throws what the provider threw, or on <paramref name="cancellationToken"/>.</summary>
    public static async Task PingAsync(NotifierDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
