using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Consent;

/// <summary>A connect without the talk_message consent does not end on "connected", and asks for exactly that item.</summary>
public sealed class ConnectWithoutMessagesTests(ConsentFixture fixture) : IClassFixture<ConsentFixture>
{
    [Fact]
    public async Task Callback_WithoutTalkMessage_ShowsTheConsentPage_AndKeepsTheAccountOutOfSending()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var authorize = await KakaoBrowserFlow.StartAsync(browser);

        using var callback = await KakaoBrowserFlow.ReturnAsync(browser, fixture.Kakao.Authorize(authorize, 7101, "No messages", consentToMessages: false));

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        var html = await callback.Content.ReadAsStringAsync();
        Assert.Contains("Sending messages was not allowed", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/auth/kakao/consent\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Connected as", html, StringComparison.Ordinal);

        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7101");
        using var api = new ApiClient(fixture);
        var account = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        Assert.Equal("reauthorization_required", account.GetProperty("status").GetString());
        Assert.Contains("talk_message", account.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        var listed = (await api.GetAsync("/api/accounts")).Json.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == accountId);
        Assert.Contains("talk_message", listed.GetProperty("statusReason").GetString(), StringComparison.Ordinal);

        (await api.PostMessageAsync(new { accountId, text = "can only fail" })).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(0, await fixture.DeliveryCountAsync(accountId));

        // Signed in all the same: the account page shows why, and offers the consent, not a plain reconnect.
        var (status, home) = await new OwnerBrowser(browser).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("talk_message consent was not given", home, StringComparison.Ordinal);
        Assert.Contains("Allow KakaoTalk messages", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentButton_AsksForExactlyTalkMessage_WithStateAndPkce_AndAllowingItMakesTheAccountSend()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var first = await KakaoBrowserFlow.StartAsync(browser);
        (await KakaoBrowserFlow.ReturnAsync(browser, fixture.Kakao.Authorize(first, 7102, "Later yes", consentToMessages: false))).Dispose();
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 7102");

        using var ask = await browser.GetAsync(new Uri("/auth/kakao/consent", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        var authorize = ask.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("talk_message", query["scope"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.NotEqual(QueryHelpers.ParseQuery(first.Query)["state"].ToString(), query["state"].ToString());

        using var back = await KakaoBrowserFlow.ReturnAsync(browser, fixture.Kakao.Authorize(authorize, 7102, "Later yes"));

        Assert.Equal("/?connected=1", OwnerBrowser.Target(back));
        Assert.Equal("active", await fixture.AccountStatusAsync(accountId));
        using var api = new ApiClient(fixture);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await api.GetAsync($"/api/accounts/{accountId}")).Json.GetProperty("statusReason").ValueKind);
        var id = await api.SendAcceptedAsync(new { accountId, text = "now allowed" });
        await api.WaitForStatusAsync(id, "sent");
        Assert.Equal(1, fixture.Kakao.MemoCount(7102));
    }

    [Fact]
    public async Task ConsentRequest_ComingBackWithAnotherState_IsRefused()
    {
        using var browser = fixture.Factory.CreateBrowser();
        using var ask = await browser.GetAsync(new Uri("/auth/kakao/consent", UriKind.Relative));
        var forged = new Uri(fixture.Kakao.Authorize(ask.Headers.Location!, 7103, "Forged").ToString().Replace("state=", "state=x", StringComparison.Ordinal));

        using var back = await KakaoBrowserFlow.ReturnAsync(browser, forged);

        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM accounts WHERE KakaoUserId = 7103"));
    }
}
