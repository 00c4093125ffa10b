using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Data;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;

namespace Notifier.Core.Tests.Data;

/// <summary>
/// The start's one read of the migration history (docs/decisions/0017, addendum): every migration on a new database (no history table: EF answers),
/// exactly the missing migrations on an older build's schema, which the migration step then applies, and none after.
/// </summary>
public abstract class MigrationHistoryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task Start_OnAnOlderSchema_AppliesExactlyTheMigrationsTheHistoryLacks()
    {
        var builder = TestHost.CreateBuilder(TestHost.Settings(database.Settings));
        builder.AddNotifierCore();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Database;
        var all = db.GetMigrations().ToList();

        Assert.Equal(all, await MigrationHistory.PendingAsync(db, CancellationToken.None)); // no history table yet: EF answers
        await db.GetService<IMigrator>().MigrateAsync(all[^3]);
        Assert.Equal(all[^2..], await MigrationHistory.PendingAsync(db, CancellationToken.None));

        await host.StartAsync();
        Assert.Empty(await MigrationHistory.PendingAsync(db, CancellationToken.None));
        Assert.Empty(await db.GetPendingMigrationsAsync());
        await host.StopAsync();
    }
}

public sealed class MigrationHistoryTestsOnMariaDb(EmptyMariaDbDatabase database) : MigrationHistoryTests<EmptyMariaDbDatabase>(database);

public sealed class MigrationHistoryTestsOnSqlite(EmptySqliteDatabase database) : MigrationHistoryTests<EmptySqliteDatabase>(database);
