using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Notifier.Api.Tests.Support;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Kakao;
using Microsoft.EntityFrameworkCore;

namespace Notifier.Api.Tests.Auth;

public sealed class KakaoCallbackTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Connect_StoresTheAccount_SignsTheBrowserIn_AndShowsIt()
    {
        using var browser = fixture.Factory.CreateBrowser();

        using var callback = await KakaoBrowserFlow.ConnectAsync(browser, fixture.Kakao, 1001, "민지");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/?connected=1", callback.Headers.Location!.OriginalString);
        var ownerCookie = Assert.Single(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("notifier_owner=", StringComparison.Ordinal));
        Assert.Contains("httponly", ownerCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", ownerCookie, StringComparison.OrdinalIgnoreCase);

        var home = await browser.GetStringAsync(new Uri("/?connected=1", UriKind.Relative));
        Assert.Contains("Connected as <strong>민지</strong>", home, StringComparison.Ordinal);
        Assert.Contains("active", home, StringComparison.Ordinal);
        Assert.Contains("Access token expires", home, StringComparison.Ordinal);

        var account = await LoadAsync(1001);
        Assert.Equal("민지", account.Nickname);
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal("talk_message profile_nickname", account.Scopes);
        Assert.InRange(account.AccessTokenExpiresAt - DateTime.UtcNow, TimeSpan.FromHours(5.9), TimeSpan.FromHours(6));
        Assert.InRange(account.RefreshTokenExpiresAt - DateTime.UtcNow, TimeSpan.FromDays(59.9), TimeSpan.FromDays(60));
    }

    [Fact]
    public async Task Connect_StoresTokensEncrypted_AndTheyDecryptToTokensKakaoAccepts()
    {
        using var browser = fixture.Factory.CreateBrowser();
        (await KakaoBrowserFlow.ConnectAsync(browser, fixture.Kakao, 1002, "Dana")).Dispose();

        await using var connection = new MySqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT AccessTokenCipher, RefreshTokenCipher FROM accounts WHERE KakaoUserId = 1002", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var (accessCipher, refreshCipher) = (reader.GetString(0), reader.GetString(1));

        foreach (var secret in fixture.Kakao.IssuedSecrets)
        {
            Assert.DoesNotContain(secret, accessCipher, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, refreshCipher, StringComparison.Ordinal);
        }

        var account = await LoadAsync(1002);
        var vault = fixture.Factory.Services.GetRequiredService<TokenVault>();
        Assert.StartsWith("refresh-", vault.ReadRefreshToken(account), StringComparison.Ordinal);
        using var kakaoApi = new HttpClient { BaseAddress = new Uri(fixture.Kakao.Url) };
        using var me = new HttpRequestMessage(HttpMethod.Get, "/v2/user/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", vault.ReadAccessToken(account));
        using var answer = await kakaoApi.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("1002", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnect_OfTheSameKakaoUser_UpdatesTheRow_NeverAddsOne()
    {
        using var browser = fixture.Factory.CreateBrowser();
        (await KakaoBrowserFlow.ConnectAsync(browser, fixture.Kakao, 1003, "Old name")).Dispose();
        var first = await LoadAsync(1003);
        var countAfterFirst = await fixture.AccountCountAsync();

        using var otherBrowser = fixture.Factory.CreateBrowser();
        using var second = await KakaoBrowserFlow.ConnectAsync(otherBrowser, fixture.Kakao, 1003, "New name");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(countAfterFirst, await fixture.AccountCountAsync());
        var updated = await LoadAsync(1003);
        Assert.Equal(first.Id, updated.Id);
        Assert.Equal("New name", updated.Nickname);
        Assert.NotEqual(first.AccessTokenCipher, updated.AccessTokenCipher);
    }

    [Fact]
    public async Task Reconnect_RevivesAnAccountThatNeededReauthorization()
    {
        using var browser = fixture.Factory.CreateBrowser();
        (await KakaoBrowserFlow.ConnectAsync(browser, fixture.Kakao, 1004, "Lapsed")).Dispose();
        await Testing.Database.TestMariaDb.ScalarAsync(fixture.ConnectionString,
            "UPDATE accounts SET Status = 'reauthorization_required' WHERE KakaoUserId = 1004");
        Assert.Contains("Reconnect KakaoTalk", await browser.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        (await KakaoBrowserFlow.ConnectAsync(browser, fixture.Kakao, 1004, "Lapsed")).Dispose();

        Assert.Equal(AccountStatus.Active, (await LoadAsync(1004)).Status);
    }

    private async Task<Account> LoadAsync(long kakaoUserId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
        return await db.Accounts.AsNoTracking().SingleAsync(a => a.KakaoUserId == kakaoUserId);
    }
}
