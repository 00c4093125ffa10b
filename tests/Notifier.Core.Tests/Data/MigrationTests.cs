using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Data;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Data;

public sealed class MigrationTests(EmptyMariaDbDatabase database) : IClassFixture<EmptyMariaDbDatabase>
{
    [Fact]
    public void BothProviders_HaveMigrationsMatchingTheModel()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var mariaDb = new MariaDbDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqliteNotifierDbContext");
        Assert.False(mariaDb.Database.HasPendingModelChanges(), "run dotnet ef migrations add for MariaDbNotifierDbContext");
        // The same model migrations on both; MariaDB also carries Quartz's clustered store (decision 0004).
        Assert.Equal(
            sqlite.Database.GetMigrations().Select(m => m[15..]),
            mariaDb.Database.GetMigrations().Select(m => m[15..]).Where(name => name != "QuartzSchema"));
        Assert.Contains(mariaDb.Database.GetMigrations(), m => m.EndsWith("_QuartzSchema", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AppliesTheMigrations_AndAWaitingProcessThenStarts()
    {
        using var owner = CoreHost.Build(database.ConnectionString, migrateOnStart: true);
        using var follower = CoreHost.Build(database.ConnectionString, migrateOnStart: false);

        var followerStarted = follower.StartAsync();
        await owner.StartAsync();
        await followerStarted.WaitAsync(TimeSpan.FromSeconds(30));

        await using var scope = owner.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await TestMariaDb.ScalarAsync(database.ConnectionString,
            "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = DATABASE()");
        Assert.Contains("accounts", (string)tables!, StringComparison.Ordinal);
        Assert.Contains("data_protection_keys", (string)tables!, StringComparison.Ordinal);
        await follower.StopAsync();
        await owner.StopAsync();
    }
}
