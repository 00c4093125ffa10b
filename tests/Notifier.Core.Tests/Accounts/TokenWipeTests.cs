using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>An unlinked or disconnected account keeps no credential: the token columns of its row are emptied, not only flagged.</summary>
public abstract class TokenWipeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task KakaosUnlinkWebhook_DeletesTheStoredTokens()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(7501);
        Assert.NotEqual("", await ColumnAsync("AccessTokenCipher", account));

        await using (var scope = world.Node.Services.CreateAsyncScope())
        {
            var unlinker = scope.ServiceProvider.GetRequiredService<AccountUnlinker>();
            world.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(account, await unlinker.RecordAsync(7501, "unlinked in KakaoTalk", CancellationToken.None));
            Assert.Equal(1, await unlinker.ApplyPendingAsync(CancellationToken.None));
        }

        await AssertWipedAsync(world, account);
    }

    [Fact]
    public async Task TheOwnersDisconnect_DeletesTheStoredTokens()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(7502);

        await using (var scope = world.Node.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<AccountDisconnector>().DisconnectAsync(account, CancellationToken.None));
        }

        await AssertWipedAsync(world, account);
    }

    // Read from the row itself, not through the model: the ciphertext columns hold nothing.
    private async Task AssertWipedAsync(DispatchWorld world, long account)
    {
        Assert.Equal("unlinked", await ColumnAsync("Status", account));
        Assert.Equal("", await ColumnAsync("AccessTokenCipher", account));
        Assert.Equal("", await ColumnAsync("RefreshTokenCipher", account));
        var row = await world.AccountAsync(account);
        Assert.True(row.AccessTokenExpiresAt <= world.Clock.GetUtcNow().UtcDateTime);
        Assert.True(row.RefreshTokenExpiresAt <= world.Clock.GetUtcNow().UtcDateTime);
    }

    private async Task<string?> ColumnAsync(string column, long account) =>
        (string?)await database.ScalarAsync($"SELECT {column} FROM accounts WHERE Id = @id", ("@id", account));
}

public sealed class TokenWipeTestsOnMariaDb(MariaDbDatabase database) : TokenWipeTests<MariaDbDatabase>(database);

public sealed class TokenWipeTestsOnSqlite(SqliteDatabase database) : TokenWipeTests<SqliteDatabase>(database);
