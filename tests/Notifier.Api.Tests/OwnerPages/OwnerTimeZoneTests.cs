using System.Net;
using System.Text.RegularExpressions;

namespace Notifier.Api.Tests.OwnerPages;

/// <summary>The owner pages write times in the owner's zone (Asia/Seoul until the owner picks another) and name it.</summary>
public sealed partial class OwnerTimeZoneTests(OwnerPagesFixture fixture) : IClassFixture<OwnerPagesFixture>
{
    [Fact]
    public async Task Times_AreInSeoul_UntilTheOwnerPicksAZone_ThenInThatZone()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6451, "Zoned Owner");
        using var sent = await owner.PostAsync("/send", "/send", ("Title", "What time is it"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var (_, home) = await owner.GetAsync("/");
        var seoul = await PageAsync(owner, "/deliveries");
        Assert.Contains("Asia/Seoul (the times on these pages)", home, StringComparison.Ordinal);
        Assert.Matches(CreatedAt("+09:00"), seoul);
        Assert.Contains("Times in Asia/Seoul", seoul, StringComparison.Ordinal);
        var id = Regex.Match(seoul, "id=\"delivery-(\\d+)\"").Groups[1].Value;

        using var changed = await owner.PostAsync("/account/zone", "/", ("zone", "America/New_York"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var newYork = await PageAsync(owner, "/deliveries");
        var detail = await PageAsync(owner, $"/deliveries/{id}");
        Assert.Matches(CreatedAt("-05:00"), newYork); // December: Eastern Standard Time
        Assert.Contains("Times in America/New_York", newYork, StringComparison.Ordinal);
        Assert.Contains("UTC-05:00", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC+09:00", detail, StringComparison.Ordinal);
        using var api = new Support.ApiClient(fixture);
        var accounts = (await api.GetAsync("/api/accounts")).Json.EnumerateArray();
        Assert.Contains(accounts, a => a.GetProperty("kakaoUserId").GetInt64() == 6451 && a.GetProperty("timeZone").GetString() == "America/New_York");
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public async Task AnUnknownZone_IsAReadable400_AndTheZoneStays(string zone)
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6452, "Careful Owner");

        using var refused = await owner.PostAsync("/account/zone", "/", ("zone", zone));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("IANA name such as Asia/Seoul", page, StringComparison.Ordinal);
        var (_, home) = await owner.GetAsync("/");
        Assert.Contains("Asia/Seoul (the times on these pages)", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheZone_WithoutTheAntiforgeryToken_IsRefused_AndTheZoneStays()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6453, "Forged Owner");

        using var forged = await owner.PostAsync("/account/zone", formPage: null, ("zone", "Europe/Berlin"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var (_, home) = await owner.GetAsync("/");
        Assert.Contains("Asia/Seoul (the times on these pages)", home, StringComparison.Ordinal);
    }

    /// <summary>The page's text as a person reads it ('+' is written as a character reference).</summary>
    private static async Task<string> PageAsync(OwnerBrowser owner, string url) => WebUtility.HtmlDecode((await owner.GetAsync(url)).Html);

    private static Regex CreatedAt(string offset) => new($@"created \d{{4}}-\d{{2}}-\d{{2}} \(\w{{3}}\) \d{{2}}:\d{{2}}:\d{{2}} UTC{Regex.Escape(offset)}");
}
