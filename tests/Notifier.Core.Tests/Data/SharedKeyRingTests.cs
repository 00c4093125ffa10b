using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Kakao;
using Notifier.Testing.Database;

namespace Notifier.Core.Tests.Data;

public sealed class SharedKeyRingTests(MariaDbDatabase database) : IClassFixture<MariaDbDatabase>
{
    [Fact]
    public async Task TokensEncryptedByOneProcess_AreReadByAnother_ThroughTheKeyRingInTheDatabase()
    {
        using var api = CoreHost.Build(database.ConnectionString);
        await api.StartAsync();
        var account = new Account();
        api.Services.GetRequiredService<TokenVault>().Apply(account,
            new KakaoTokenResponse { AccessToken = "plain-access", ExpiresIn = 60, RefreshToken = "plain-refresh", RefreshTokenExpiresIn = 120 },
            DateTime.UtcNow);

        using var worker = CoreHost.Build(database.ConnectionString, migrateOnStart: false);
        await worker.StartAsync();
        var vault = worker.Services.GetRequiredService<TokenVault>();

        Assert.DoesNotContain("plain", account.AccessTokenCipher, StringComparison.Ordinal);
        Assert.Equal("plain-access", vault.ReadAccessToken(account));
        Assert.Equal("plain-refresh", vault.ReadRefreshToken(account));
        Assert.Equal(1L, Convert.ToInt64(await TestMariaDb.ScalarAsync(database.ConnectionString, "SELECT COUNT(*) FROM data_protection_keys"), System.Globalization.CultureInfo.InvariantCulture));
        await worker.StopAsync();
        await api.StopAsync();
    }

    [Fact]
    public async Task Apply_WithoutARotatedRefreshToken_KeepsTheOldOneAndItsExpiry()
    {
        using var host = CoreHost.Build(database.ConnectionString);
        await host.StartAsync();
        var vault = host.Services.GetRequiredService<TokenVault>();
        var now = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);
        var account = new Account();
        vault.Apply(account, new KakaoTokenResponse { AccessToken = "a1", ExpiresIn = 21599, RefreshToken = "r1", RefreshTokenExpiresIn = 5183999 }, now);
        var refreshExpiry = account.RefreshTokenExpiresAt;

        vault.Apply(account, new KakaoTokenResponse { AccessToken = "a2", ExpiresIn = 21599 }, now.AddHours(6));

        Assert.Equal("a2", vault.ReadAccessToken(account));
        Assert.Equal("r1", vault.ReadRefreshToken(account));
        Assert.Equal(refreshExpiry, account.RefreshTokenExpiresAt);
        Assert.Equal(now.AddHours(6).AddSeconds(21599), account.AccessTokenExpiresAt);
        await host.StopAsync();
    }
}
