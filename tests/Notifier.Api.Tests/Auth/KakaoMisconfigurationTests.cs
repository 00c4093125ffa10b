using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Auth;

/// <summary>Notifier configured with a client secret Kakao does not accept.</summary>
public sealed class WrongClientSecretFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> SettingOverrides() =>
        new Dictionary<string, string?> { ["Kakao:ClientSecret"] = "not-the-secret" };
}

/// <summary>Notifier configured with a Kakao that is not there (a closed port).</summary>
public sealed class UnreachableKakaoFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> SettingOverrides() =>
        new Dictionary<string, string?> { ["Kakao:AuthBaseUrl"] = "http://127.0.0.1:9", ["Kakao:TimeoutSeconds"] = "5" };
}

public sealed class KakaoWrongSecretTests(WrongClientSecretFixture fixture) : IClassFixture<WrongClientSecretFixture>
{
    [Fact]
    public async Task BadClientCredentials_KOE010_NamesTheSettingToFix_AndStoresNothing()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var callback = fixture.Kakao.Authorize(await KakaoBrowserFlow.StartAsync(browser), 3001, "Secretless");

        using var response = await KakaoBrowserFlow.ReturnAsync(browser, callback);

        var body = await KakaoCallbackFailureTests.AssertPageAsync(response, HttpStatusCode.InternalServerError, "KOE010");
        Assert.Contains("Kakao:ClientSecret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", body, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.AccountCountAsync());
    }
}

public sealed class KakaoUnreachableTests(UnreachableKakaoFixture fixture) : IClassFixture<UnreachableKakaoFixture>
{
    [Fact]
    public async Task KakaoUnreachable_Is502_AndStoresNothing()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var callback = fixture.Kakao.Authorize(await KakaoBrowserFlow.StartAsync(browser), 3002, "Offline");

        using var response = await KakaoBrowserFlow.ReturnAsync(browser, callback);

        await KakaoCallbackFailureTests.AssertPageAsync(response, HttpStatusCode.BadGateway, "Kakao is not answering");
        Assert.Equal(0, await fixture.AccountCountAsync());
    }
}
