using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Notifier.Core.Data;

/// <summary>
/// Runs before anything else starts: the one owner (<c>Database:MigrateOnStart</c>) applies pending migrations;
/// every other process waits until the schema is current instead of racing it.
/// </summary>
internal sealed partial class DatabaseMigrationService(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    TimeProvider time,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
        var db = context.Database;
        if (options.Value.MigrateOnStart)
        {
            if (await context.Dialect.CreateNewDatabaseAsync(cancellationToken))
            {
                LogCreated(logger, db.GetMigrations().Count());
                return;
            }

            var pending = (await MigrationHistory.PendingAsync(db, cancellationToken)).Count;
            if (pending > 0)
            {
                await db.MigrateAsync(cancellationToken);
            }

            LogMigrated(logger, pending);
            return;
        }

        var deadline = time.GetUtcNow().AddSeconds(options.Value.SchemaWaitSeconds);
        while (true)
        {
            try
            {
                if ((await MigrationHistory.PendingAsync(db, cancellationToken)).Count == 0)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && time.GetUtcNow() < deadline)
            {
                LogWaitingForDatabase(logger, ex.GetType().Name);
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new InvalidOperationException(
                    $"The database schema is not current after {options.Value.SchemaWaitSeconds} s; start the process that owns migrations (Database:MigrateOnStart=true).");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Database schema is current ({PendingMigrations} migrations applied now)")]
    private static partial void LogMigrated(ILogger logger, int pendingMigrations);

    [LoggerMessage(LogLevel.Information, "New database created from its script ({Migrations} migrations)")]
    private static partial void LogCreated(ILogger logger, int migrations);

    [LoggerMessage(LogLevel.Information, "Waiting for the database ({Reason})")]
    private static partial void LogWaitingForDatabase(ILogger logger, string reason);
}
