using System.Net;
using System.Text.RegularExpressions;
using Notifier.Api.OwnerPages;

namespace Notifier.Api.Tests.OwnerPages;

public sealed partial class DeliveryLogTests(OwnerPagesFixture fixture) : IClassFixture<OwnerPagesFixture>
{
    [Fact]
    public async Task DeliveryLog_PagesNewestFirst_WithACursorThatKeepsTheFilter()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6401, "Busy Owner");
        var total = DeliveryPages.PageSize + 2;
        for (var i = 1; i <= total; i++)
        {
            using var sent = await owner.PostAsync("/send", "/send", ("Title", $"Card {i}"));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var (_, first) = await owner.GetAsync("/deliveries?status=queued");
        var firstIds = DeliveryIds(first);
        var older = OlderLink().Match(first);
        Assert.True(older.Success, "no link to older deliveries");
        var (_, second) = await owner.GetAsync(WebUtility.HtmlDecode(older.Groups[1].Value));
        var secondIds = DeliveryIds(second);

        Assert.Equal(DeliveryPages.PageSize, firstIds.Count);
        Assert.Equal(firstIds.OrderDescending(), firstIds);
        Assert.Contains("status=queued", older.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(2, secondIds.Count);
        Assert.True(secondIds.Max() < firstIds.Min());
        Assert.DoesNotMatch(OlderLink(), second);
    }

    private static List<long> DeliveryIds(string html) =>
        DeliveryCard().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex("id=\"delivery-(\\d+)\"")]
    private static partial Regex DeliveryCard();

    [GeneratedRegex("<a href=\"([^\"]+)\">Older deliveries</a>")]
    private static partial Regex OlderLink();
}
