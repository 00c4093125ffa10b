using Notifier.Testing.Hosting;

namespace Notifier.Api.Tests.Integrations;

/// <summary>
/// Debian's real Apprise (1.2.0) with an <c>ntfy://</c> URL: it POSTs ntfy's JSON to <c>/</c> with Basic auth (the key
/// as the password) and counts anything but 200 as a failure.
/// </summary>
[Collection(RealClients.Name)]
public sealed class AppriseTests(RealClientsNotifier published)
{
    private const string Apprise = "/usr/bin/apprise";

    // Apprise gives up on an answer after 4 s (its rto); a freshly started host's first publish can take longer on a
    // loaded machine (the suite's other classes start processes too). A URL parameter every Apprise URL takes.
    private const string Patience = "rto=30&cto=30";

    [Fact]
    public async Task Apprise_WithTheKeyAsPassword_Exits0_AndTheMemoArrivesOnce()
    {
        var notifier = published.Notifier;

        var (exit, output) = await CommandRun.RunAsync(Apprise,
            ["-vv", "-t", "Apprise title", "-b", "apprise-marker from the real client", $"ntfy://anyone:{PublishedNotifier.Key}@{notifier.Url.Authority}/apprise-topic?{Patience}"],
            TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"apprise exited {exit}: {output}");
        var settled = await notifier.SettledDeliveriesAsync("apprise-topic", 1);
        Assert.Equal("sent", Assert.Single(settled).GetProperty("status").GetString());
        var memo = Assert.Single(published.MemosTitled("Apprise title"));
        Assert.Equal(RealClientsNotifier.KakaoUserId, memo.UserId);
        Assert.Equal("Apprise title", memo.Template["content"]!["title"]!.GetValue<string>());
        Assert.Equal("apprise-marker from the real client", memo.Template["content"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain(PublishedNotifier.Key, notifier.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apprise_WithAWrongKey_Fails_AndNothingIsStored()
    {
        var notifier = published.Notifier;

        var (exit, output) = await CommandRun.RunAsync(Apprise,
            ["-t", "Nope", "-b", "wrong key", $"ntfy://anyone:not-the-key-at-all@{notifier.Url.Authority}/apprise-refused?{Patience}"],
            TimeSpan.FromSeconds(60));

        Assert.True(exit != 0, $"apprise exited 0 with a wrong key: {output}");
        Assert.Empty(await notifier.DeliveriesAsync("apprise-refused"));
        Assert.Empty(published.MemosTitled("Nope"));
    }
}
