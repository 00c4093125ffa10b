using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Auth;

public sealed class KakaoCallbackFailureTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Declined_ShowsAReadable403_AndStoresNothing()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var before = await fixture.AccountCountAsync();
        var authorize = await KakaoBrowserFlow.StartAsync(browser);

        using var response = await KakaoBrowserFlow.ReturnAsync(browser, KakaoFake.Decline(authorize));

        await AssertPageAsync(response, HttpStatusCode.Forbidden, "You declined the consent");
        Assert.Equal(before, await fixture.AccountCountAsync());
    }

    [Fact]
    public async Task CallbackFromAnotherBrowser_Is400_AndExchangesNothing()
    {
        using var victim = fixture.Factory.CreateBrowser();
        using var attacker = fixture.Factory.CreateBrowser();
        var before = await fixture.AccountCountAsync();
        var callback = fixture.Kakao.Authorize(await KakaoBrowserFlow.StartAsync(attacker), 2001, "Attacker");

        using var response = await KakaoBrowserFlow.ReturnAsync(victim, callback);

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "did not start here");
        Assert.Equal(before, await fixture.AccountCountAsync());
    }

    [Fact]
    public async Task ForgedState_Is400_AndStoresNothing()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var before = await fixture.AccountCountAsync();
        var callback = fixture.Kakao.Authorize(await KakaoBrowserFlow.StartAsync(browser), 2002, "Forged");
        var query = QueryHelpers.ParseQuery(callback.Query);

        using var response = await browser.GetAsync(new Uri($"/auth/kakao/callback?code={query["code"]}&state=forged-state", UriKind.Relative));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "did not start here");
        Assert.Equal(before, await fixture.AccountCountAsync());
    }

    [Fact]
    public async Task MissingState_Is400()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var callback = fixture.Kakao.Authorize(await KakaoBrowserFlow.StartAsync(browser), 2003, "No state");
        var code = QueryHelpers.ParseQuery(callback.Query)["code"];

        using var response = await browser.GetAsync(new Uri($"/auth/kakao/callback?code={code}", UriKind.Relative));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "did not start here");
    }

    [Fact]
    public async Task UsedCode_KOE320_Is400ConnectAgain_AndStoresNothingNew()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var callback = fixture.Kakao.Authorize(await KakaoBrowserFlow.StartAsync(browser), 2004, "Twice");
        (await KakaoBrowserFlow.ReturnAsync(browser, callback)).Dispose();
        var before = await fixture.AccountCountAsync();
        var code = QueryHelpers.ParseQuery(callback.Query)["code"];
        var state = QueryHelpers.ParseQuery((await KakaoBrowserFlow.StartAsync(browser)).Query)["state"];

        using var response = await browser.GetAsync(new Uri($"/auth/kakao/callback?code={code}&state={state}", UriKind.Relative));

        await AssertPageAsync(response, HttpStatusCode.BadRequest, "That link expired, connect again");
        Assert.Equal(before, await fixture.AccountCountAsync());
    }

    [Fact]
    public async Task KakaoServerError_Is502_AndStoresNothing()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var before = await fixture.AccountCountAsync();
        var callback = fixture.Kakao.Authorize(await KakaoBrowserFlow.StartAsync(browser), 2005, "Unlucky");
        fixture.Kakao.FailTokenEndpoint(503);

        using var response = await KakaoBrowserFlow.ReturnAsync(browser, callback);

        await AssertPageAsync(response, HttpStatusCode.BadGateway, "Kakao did not answer properly");
        Assert.Equal(before, await fixture.AccountCountAsync());
    }

    [Fact]
    public async Task KakaoRefusingOtherErrors_ShowsTheErrorName_NotTheDescription()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var authorize = await KakaoBrowserFlow.StartAsync(browser);
        var state = QueryHelpers.ParseQuery(authorize.Query)["state"];

        using var response = await browser.GetAsync(new Uri(
            $"/auth/kakao/callback?error=consent_required&error_description=%3Cscript%3E&state={state}", UriKind.Relative));

        var body = await AssertPageAsync(response, HttpStatusCode.BadRequest, "consent_required");
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    internal static async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string expectedText)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(expectedText, body, StringComparison.Ordinal);
        Assert.DoesNotContain("code-", body, StringComparison.Ordinal);
        return body;
    }
}
