using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Hosting;

public sealed class HomePageTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Home_ForAStranger_ShowsOnlyTheConnectButton_NeverWhoIsConnected()
    {
        using var owner = fixture.Factory.CreateBrowser();
        (await KakaoBrowserFlow.ConnectAsync(owner, fixture.Kakao, 5001, "Secret Owner")).Dispose();
        using var stranger = fixture.Factory.CreateBrowser();

        var page = await stranger.GetStringAsync(new Uri("/?connected=1", UriKind.Relative));

        Assert.Contains("Connect KakaoTalk", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/auth/kakao/login\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Owner", page, StringComparison.Ordinal);
        Assert.DoesNotContain("5001", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ForTheOwner_ShowsTheirAccountOnly()
    {
        using var first = fixture.Factory.CreateBrowser();
        using var second = fixture.Factory.CreateBrowser();
        (await KakaoBrowserFlow.ConnectAsync(first, fixture.Kakao, 5002, "First Owner")).Dispose();
        (await KakaoBrowserFlow.ConnectAsync(second, fixture.Kakao, 5003, "Second Owner")).Dispose();

        var page = await second.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Second Owner", page, StringComparison.Ordinal);
        Assert.DoesNotContain("First Owner", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_LiveAndReady_Answer200WithTheDatabaseUp()
    {
        using var client = fixture.Factory.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
