using System.Net;
using System.Text.RegularExpressions;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Api.Tests.ApiKeys;

/// <summary>An owner signed in through the real Kakao flow, making keys on the <c>/keys</c> page as a browser does.</summary>
public static partial class OwnerKeys
{
    /// <summary>Connects <paramref name="kakaoUserId"/> and returns their browser and account id.</summary>
    public static async Task<(OwnerBrowser Browser, long AccountId)> ConnectAsync<TDatabase>(ProviderFixture<TDatabase> fixture, long kakaoUserId)
        where TDatabase : ITestDatabase, new()
    {
        var browser = await OwnerBrowser.ConnectAsync(fixture, kakaoUserId, $"Owner {kakaoUserId}");
        return (browser, await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = @user", ("@user", kakaoUserId)));
    }

    /// <summary>Makes a key named <paramref name="name"/> on the page and returns the key it shows once.</summary>
    public static async Task<string> MakeAsync(OwnerBrowser browser, string name)
    {
        using var response = await browser.PostAsync("/keys", "/keys", ("name", name));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var match = NewKey().Match(html);
        Assert.True(match.Success, "the page shows no new key");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<code id=\"new-key\">(ntf_[A-Za-z0-9_-]+)</code>")]
    private static partial Regex NewKey();
}
