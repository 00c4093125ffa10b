using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Browser;

/// <summary>An owner in a real browser: connect, see the account, create a schedule, send cards, read the log.</summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class OwnerJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Owner_ConnectsCreatesAScheduleAndSendsCards_SeesSentAndFailedDeliveries()
    {
        await using var context = await fixture.NewPhoneAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Screenshot(page, "01-home-stranger");
        await ConnectAsync(page, 7001, "Browser Owner");
        await Expect(page.GetByText("Connected as")).ToBeVisibleAsync();
        await Expect(page.GetByText("Browser Owner (Kakao user 7001)")).ToBeVisibleAsync();
        await Screenshot(page, "02-home-owner");

        await page.GetByRole(AriaRole.Link, new() { Name = "Schedules" }).ClickAsync();
        var form = page.Locator("#new-schedule");
        await form.GetByLabel("Name").FillAsync("Morning digest");
        await form.GetByLabel("Cron").FillAsync("0 30 8 ? * MON-FRI");
        await form.GetByLabel("Card", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Card title").FillAsync("Good morning");
        await form.GetByLabel("Card description").FillAsync("Today's digest");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create schedule" }).ClickAsync();
        await Expect(page.GetByText("Schedule created.")).ToBeVisibleAsync();
        var schedule = page.Locator(".schedule", new() { HasText = "Morning digest" });
        await Expect(schedule.Locator(".fire-times li")).ToHaveCountAsync(5);
        await Expect(schedule.Locator(".fire-times li").First).ToContainTextAsync("08:30 UTC+09:00");
        await Screenshot(page, "03-schedules");

        await page.GetByRole(AriaRole.Link, new() { Name = "Send a test card" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Browser test card");
        await page.GetByLabel("Description").FillAsync("sent from chromium");
        await Screenshot(page, "04-send");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/deliveries"));
        await WaitForStatusAsync(page, "sent");
        Assert.Contains(fixture.Kakao.Memos, m => m.UserId == 7001 && m.Template.ToJsonString().Contains("Browser test card", StringComparison.Ordinal));
        await Screenshot(page, "05-deliveries-sent");

        fixture.Kakao.FailMemoSend(MemoFault.Error(-402));
        await page.GotoAsync("/send");
        await page.GetByLabel("Title").FillAsync("This one fails");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await WaitForStatusAsync(page, "failed");
        await page.GotoAsync("/deliveries?status=failed");
        await Expect(page.Locator(".delivery .last-error").First).ToContainTextAsync("talk_message (-402)");
        await Screenshot(page, "06-deliveries-failed");

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reconnect KakaoTalk" })).ToBeVisibleAsync();
        await Screenshot(page, "07-home-reconnect");
    }

    /// <summary>Presses Connect; at "Kakao" the fake consents for this user, and the browser goes on to Notifier's callback.</summary>
    private async Task ConnectAsync(IPage page, long kakaoUserId, string nickname)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect KakaoTalk" }).ClickAsync();
        await BrowserFixture.AtKakaoConsentAsync(page);
        await page.GotoAsync(fixture.Kakao.Authorize(new Uri(page.Url), kakaoUserId, nickname).ToString());
    }

    /// <summary>Reloads the log (no script on the page) until the newest delivery has <paramref name="status"/>.</summary>
    private static async Task WaitForStatusAsync(IPage page, string status)
    {
        var deadline = DateTime.UtcNow + DeliveryWait;
        while (await page.Locator(".delivery .status").First.TextContentAsync() != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the newest delivery did not become {status}");
            await Task.Delay(200);
            await page.ReloadAsync();
        }
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"{name}.png"), FullPage = true });

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
