using Microsoft.Playwright;

namespace Notifier.Api.Tests.Browser;

/// <summary>
/// Owners in a real browser: the first to connect invites a friend, who connects their own KakaoTalk from the link; a
/// stranger is turned away; the owner signs out.
/// </summary>
[Collection(OneBrowserAtATime.Name)]
public sealed class InviteJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FirstOwner_InvitesAFriend_AStrangerIsTurnedAway_AndTheOwnerSignsOut()
    {
        await using var ownerContext = await fixture.NewPhoneAsync();
        var owner = await ownerContext.NewPageAsync();
        await owner.GotoAsync("/");
        await ConnectAsync(owner, 7101, "Inviting Owner");
        await Expect(owner.GetByText("Inviting Owner (Kakao user 7101)")).ToBeVisibleAsync();

        await owner.GetByRole(AriaRole.Link, new() { Name = "Invites", Exact = true }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Make an invite link" }).ClickAsync();
        var link = new Uri((await owner.Locator("#invite-link").TextContentAsync())!);
        await Expect(owner.Locator(".invite")).ToHaveCountAsync(1);
        await Screenshot(owner, "08-invite-created");

        await using var friendContext = await fixture.NewPhoneAsync();
        var friend = await friendContext.NewPageAsync();
        await friend.GotoAsync(link.PathAndQuery);
        await BrowserFixture.AtKakaoConsentAsync(friend);
        await friend.GotoAsync(fixture.Kakao.Authorize(new Uri(friend.Url), 7102, "Invited Friend").ToString());
        await Expect(friend.GetByText("Invited Friend (Kakao user 7102)")).ToBeVisibleAsync();
        await Expect(friend.GetByText("Inviting Owner")).ToHaveCountAsync(0);
        await Screenshot(friend, "09-invited-friend-home");

        await using var strangerContext = await fixture.NewPhoneAsync();
        var stranger = await strangerContext.NewPageAsync();
        await stranger.GotoAsync("/");
        await ConnectAsync(stranger, 7103, "Passing Stranger");
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "This Notifier belongs to someone else" })).ToBeVisibleAsync();
        await Screenshot(stranger, "10-stranger-turned-away");

        await owner.GotoAsync("/invites");
        await Expect(owner.Locator(".invite")).ToHaveCountAsync(0);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(owner.GetByText("You are signed out.")).ToBeVisibleAsync();
        await Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Connect KakaoTalk" })).ToBeVisibleAsync();
        await Screenshot(owner, "11-signed-out");
        await owner.GotoAsync("/schedules");
        await Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Connect KakaoTalk" })).ToBeVisibleAsync();
    }

    private async Task ConnectAsync(IPage page, long kakaoUserId, string nickname)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Connect KakaoTalk" }).ClickAsync();
        await BrowserFixture.AtKakaoConsentAsync(page);
        await page.GotoAsync(fixture.Kakao.Authorize(new Uri(page.Url), kakaoUserId, nickname).ToString());
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"{name}.png"), FullPage = true });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
