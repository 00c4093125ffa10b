using Notifier.Api.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Integrations;

/// <summary>
/// Debian's real Apprise (1.2.0) with an <c>ntfy://</c> URL: it POSTs ntfy's JSON to <c>/</c> with Basic auth (the key
/// as the password) and counts anything but 200 as a failure.
/// </summary>
[RunsLong]
public sealed class AppriseTests : IDisposable
{
    private const string Apprise = "/usr/bin/apprise";
    private const long KakaoUserId = 9300;

    // Apprise gives up on an answer after 4 s (its rto); a freshly started host's first publish can take longer on a
    // loaded machine (the suite's other classes start processes too). A URL parameter every Apprise URL takes.
    private const string Patience = "rto=30&cto=30";

    private readonly KakaoFake _kakao = new();

    [Fact]
    public async Task Apprise_WithTheKeyAsPassword_Exits0_AndTheMemoArrivesOnce()
    {
        await using var notifier = await PublishedNotifier.StartAsync(_kakao);
        await notifier.ConnectAsync(_kakao, KakaoUserId, "Apprise");

        var (exit, output) = await CommandRun.RunAsync(Apprise,
            ["-vv", "-t", "Apprise title", "-b", "apprise-marker from the real client", $"ntfy://anyone:{PublishedNotifier.Key}@{notifier.Url.Authority}/apprise-topic?{Patience}"],
            TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"apprise exited {exit}: {output}");
        var settled = await notifier.SettledDeliveriesAsync("apprise-topic", 1);
        Assert.Equal("sent", Assert.Single(settled).GetProperty("status").GetString());
        var memo = Assert.Single(_kakao.Memos);
        Assert.Equal(KakaoUserId, memo.UserId);
        Assert.Equal("Apprise title", memo.Template["content"]!["title"]!.GetValue<string>());
        Assert.Equal("apprise-marker from the real client", memo.Template["content"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain(PublishedNotifier.Key, notifier.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apprise_WithAWrongKey_Fails_AndNothingIsStored()
    {
        await using var notifier = await PublishedNotifier.StartAsync(_kakao);
        await notifier.ConnectAsync(_kakao, KakaoUserId, "Apprise");

        var (exit, output) = await CommandRun.RunAsync(Apprise,
            ["-t", "Nope", "-b", "wrong key", $"ntfy://anyone:not-the-key-at-all@{notifier.Url.Authority}/apprise-topic?{Patience}"],
            TimeSpan.FromSeconds(60));

        Assert.True(exit != 0, $"apprise exited 0 with a wrong key: {output}");
        Assert.Empty(await notifier.DeliveriesAsync("apprise-topic"));
        Assert.Empty(_kakao.Memos);
    }

    public void Dispose() => _kakao.Dispose();
}
