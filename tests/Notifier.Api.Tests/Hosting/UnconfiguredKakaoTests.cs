using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Hosting;

public sealed class UnconfiguredKakaoFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> SettingOverrides() =>
        new Dictionary<string, string?> { ["Kakao:RestApiKey"] = "", ["Kakao:ClientSecret"] = "" };
}

public sealed class UnconfiguredKakaoTests(UnconfiguredKakaoFixture fixture) : IClassFixture<UnconfiguredKakaoFixture>
{
    [Fact]
    public async Task Home_WithoutARestApiKey_StartsAndSaysWhichSettingToSetAndHow()
    {
        using var browser = fixture.Factory.CreateBrowser();

        var page = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Kakao is not configured yet", page, StringComparison.Ordinal);
        Assert.Contains("<code>Kakao:RestApiKey</code>", page, StringComparison.Ordinal);
        Assert.Contains("Kakao__RestApiKey", page, StringComparison.Ordinal);
        Assert.Contains("http://localhost/auth/kakao/callback", page, StringComparison.Ordinal);
        Assert.Contains("talk_message", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutARestApiKey_Is503WithTheSetupHint()
    {
        using var browser = fixture.Factory.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Kakao:RestApiKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
