using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Notifier.Floor;

/// <summary>
/// What an idle Worker does between messages, reduced to the libraries: every 500 ms a transaction looks for due rows
/// (EF Core LINQ and <c>SaveChanges</c>, or the same through MySqlConnector alone), and once at start a token is
/// protected and unprotected. After the first round it writes <c>Floor:ReadyFile</c>, as the Worker writes its health file.
/// </summary>
internal sealed class ClaimLoop(IServiceProvider services, FloorParts parts, IConfiguration configuration) : BackgroundService
{
    private const string ClaimSql =
        "SELECT Id, State, due_at FROM floor_items WHERE State = 0 AND due_at <= @now ORDER BY Id LIMIT 32 FOR UPDATE SKIP LOCKED";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (parts.DataProtection)
        {
            FloorServices.UseDataProtection(services);
        }

        var readyFile = configuration["Floor:ReadyFile"];
        while (!stoppingToken.IsCancellationRequested)
        {
            if (parts.EfCore)
            {
                await ClaimWithEfCoreAsync(stoppingToken);
            }

            if (parts.Ado)
            {
                await ClaimWithMySqlConnectorAsync(stoppingToken);
            }

            if (readyFile is not null && !File.Exists(readyFile))
            {
                await File.WriteAllTextAsync(readyFile, "ready", stoppingToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task ClaimWithEfCoreAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FloorContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var due = await db.Items.Where(i => i.State == 0 && i.DueAt <= now).OrderBy(i => i.Id).Take(32).ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            item.State = 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task ClaimWithMySqlConnectorAsync(CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(configuration.GetConnectionString("Floor"));
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new MySqlCommand(ClaimSql, connection, transaction);
        command.Parameters.AddWithValue("@now", DateTime.UtcNow);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                _ = reader.GetInt64(0);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
