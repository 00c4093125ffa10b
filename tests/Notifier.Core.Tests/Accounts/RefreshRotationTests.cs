using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;
using Notifier.Core.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Accounts;

/// <summary>Kakao renews the refresh token only in its last month; whatever it sends back is what Notifier keeps.</summary>
public abstract class RefreshRotationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    [Fact]
    public async Task RotatingRefresh_PersistsTheNewRefreshToken_TheOldOneIsDead_AndTheNextRefreshWorks()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        world.Kakao.RotationWindow = TimeSpan.FromDays(61); // every refresh token is "in its last month"
        var account = await world.ConnectAsync(6001);
        var before = await world.AccountAsync(account);
        var oldRefreshToken = Vault(world).ReadRefreshToken(before);
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        var delivery = await world.EnqueueAsync(account, "rotate-1");

        await world.Node.RoundAsync();

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(delivery)).Status);
        Assert.Equal(1, world.Kakao.RotationCount);
        var after = await world.AccountAsync(account);
        var newRefreshToken = Vault(world).ReadRefreshToken(after);
        Assert.NotEqual(oldRefreshToken, newRefreshToken);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime + world.Kakao.RefreshTokenLifetime, after.RefreshTokenExpiresAt);
        var dead = await Assert.ThrowsAsync<KakaoAuthException>(() =>
            world.Node.Services.GetRequiredService<KakaoAuthClient>().RefreshAsync(oldRefreshToken, CancellationToken.None));
        Assert.Equal(KakaoAuthException.RefreshTokenExpired, dead.ErrorCode);

        await ForceRefreshAsync(world, account);

        Assert.Equal(2, world.Kakao.RefreshCount);
        Assert.Equal(AccountStatus.Active, (await world.AccountAsync(account)).Status);
    }

    [Fact]
    public async Task RefreshOutsideTheRotationWindow_KeepsTheRefreshTokenAndItsExpiry()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        var account = await world.ConnectAsync(6002);
        var before = await world.AccountAsync(account);
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.SetAccessTokenExpiryAsync(account, world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        var delivery = await world.EnqueueAsync(account, "no-rotate-1");

        await world.Node.RoundAsync();

        Assert.Equal(DeliveryStatus.Sent, (await world.DeliveryAsync(delivery)).Status);
        Assert.Equal(1, world.Kakao.RefreshCount);
        Assert.Equal(0, world.Kakao.RotationCount);
        var after = await world.AccountAsync(account);
        Assert.Equal(Vault(world).ReadRefreshToken(before), Vault(world).ReadRefreshToken(after));
        Assert.Equal(before.RefreshTokenExpiresAt, after.RefreshTokenExpiresAt);
        Assert.NotEqual(Vault(world).ReadAccessToken(before), Vault(world).ReadAccessToken(after));

        await ForceRefreshAsync(world, account); // the kept refresh token still works

        Assert.Equal(2, world.Kakao.RefreshCount);
    }

    [Fact]
    public async Task ACallerThatGivesUpWhileKakaoRotates_StillStoresTheNewRefreshToken()
    {
        await using var world = await DispatchWorld.CreateAsync(database);
        world.Kakao.RotationWindow = TimeSpan.FromDays(61);
        var account = await world.ConnectAsync(6003);
        world.Kakao.DelayTokenEndpoint(TimeSpan.FromSeconds(1));
        var asked = world.Kakao.TokenRequestsReceived;
        using var caller = new CancellationTokenSource();

        await using var scope = world.Node.Services.CreateAsyncScope();
        var refresh = scope.ServiceProvider.GetRequiredService<AccessTokenService>().ForceRefreshAsync(account, caller.Token);
        // The caller gives up once Kakao has the request (a request's client leaving, the host stopping).
        await Eventually.TrueAsync(() => world.Kakao.TokenRequestsReceived > asked, "Kakao to receive the refresh request");
        await caller.CancelAsync();
        var accessToken = await refresh;

        // Kakao rotated and retired the old refresh token; what it sent back was stored all the same.
        Assert.Equal(1, world.Kakao.RotationCount);
        var stored = await world.AccountAsync(account);
        Assert.Equal(accessToken, Vault(world).ReadAccessToken(stored));
        await ForceRefreshAsync(world, account);
        Assert.Equal(AccountStatus.Active, (await world.AccountAsync(account)).Status);
        Assert.Equal(2, world.Kakao.RefreshCount);
    }

    private static TokenVault Vault(DispatchWorld world) => world.Node.Services.GetRequiredService<TokenVault>();

    private static async Task ForceRefreshAsync(DispatchWorld world, long accountId)
    {
        await using var scope = world.Node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccessTokenService>().ForceRefreshAsync(accountId, CancellationToken.None);
    }
}

public sealed class RefreshRotationTestsOnMariaDb(MariaDbDatabase database) : RefreshRotationTests<MariaDbDatabase>(database);

public sealed class RefreshRotationTestsOnSqlite(SqliteDatabase database) : RefreshRotationTests<SqliteDatabase>(database);
