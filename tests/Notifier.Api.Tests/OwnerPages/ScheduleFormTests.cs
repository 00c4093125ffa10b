using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.OwnerPages;

public sealed class ScheduleFormTests(OwnerPagesFixture fixture) : IClassFixture<OwnerPagesFixture>
{
    [Fact]
    public async Task ScheduleForms_CreateEditDisableDelete_EachRedirectsAndShowsTheChange()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6201, "Form Owner");

        using var created = await owner.PostAsync("/schedules", "/schedules",
            ("Name", "Morning digest"), ("Cron", "0 30 8 ? * MON-FRI"), ("TimeZone", "Asia/Seoul"), ("Kind", "text"), ("Text", "Good morning"));
        Assert.StartsWith("/schedules?done=created", OwnerBrowser.Target(created), StringComparison.Ordinal);
        var id = await fixture.LongAsync("SELECT Id FROM schedules WHERE Name = 'Morning digest'");
        var (_, list) = await owner.GetAsync("/schedules");
        Assert.Contains("Morning digest", list, StringComparison.Ordinal);
        Assert.Contains("08:30 UTC+09:00", WebUtility.HtmlDecode(list), StringComparison.Ordinal);

        using var edited = await owner.PostAsync($"/schedules/{id}", $"/schedules/{id}",
            ("Name", "Evening card"), ("Cron", "0 0 21 * * ?"), ("TimeZone", "Europe/Berlin"), ("Kind", "card"), ("Title", "Good evening"), ("Description", "Lights out"));
        Assert.Equal($"/schedules/{id}?done=saved", OwnerBrowser.Target(edited));
        var (_, page) = await owner.GetAsync($"/schedules/{id}");
        Assert.Contains("Evening card", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Good evening\"", page, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", page, StringComparison.Ordinal);
        Assert.Contains("21:00 UTC+01:00", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        using var disabled = await owner.PostAsync($"/schedules/{id}/enabled", "/schedules", ("enabled", "false"));
        Assert.StartsWith("/schedules?done=disabled", OwnerBrowser.Target(disabled), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.LongAsync("SELECT Enabled FROM schedules WHERE Id = @id", ("@id", id)));

        using var deleted = await owner.PostAsync($"/schedules/{id}/delete", "/schedules");
        Assert.Equal("/schedules?done=deleted", OwnerBrowser.Target(deleted));
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE Id = @id", ("@id", id)));
    }

    [Fact]
    public async Task CreateForm_WithABadCronAndZone_ShowsTheErrorsAndKeepsWhatWasTyped()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6202, "Typo Owner");

        using var response = await owner.PostAsync("/schedules", "/schedules",
            ("Name", "Typo schedule"), ("Cron", "not a cron"), ("TimeZone", "Mars/Olympus"), ("Kind", "card"), ("Title", ""), ("Description", "kept text"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Typo schedule\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not a cron\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Mars/Olympus\"", html, StringComparison.Ordinal);
        Assert.Contains("kept text</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("class=\"field-error\"").Length - 1);
        Assert.Equal(0, await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE Name = 'Typo schedule'"));
    }

    [Fact]
    public async Task SendNow_QueuesADeliveryShownInTheLogUnderTheScheduleName()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6203, "Send Owner");
        using var created = await owner.PostAsync("/schedules", "/schedules",
            ("Name", "Yearly reminder"), ("Cron", "0 0 9 1 1 ?"), ("Kind", "text"), ("Text", "Happy new year"));
        var id = await fixture.LongAsync("SELECT Id FROM schedules WHERE Name = 'Yearly reminder'");

        using var sent = await owner.PostAsync($"/schedules/{id}/send", "/schedules");

        Assert.StartsWith("/deliveries?done=queued", OwnerBrowser.Target(sent), StringComparison.Ordinal);
        var (_, log) = await owner.GetAsync("/deliveries?status=queued");
        Assert.Contains("Yearly reminder", log, StringComparison.Ordinal);
        Assert.Contains("status-queued", log, StringComparison.Ordinal);
        var (_, sentOnly) = await owner.GetAsync("/deliveries?status=sent");
        Assert.DoesNotContain("Yearly reminder", sentOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestCardForm_QueuesACard_AndABadLinkIsShownWithTheForm()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6204, "Card Owner");
        var account = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 6204");

        using var refused = await owner.PostAsync("/send", "/send", ("Title", "Hello"), ("Link", "https://elsewhere.invalid/x"));
        using var sent = await owner.PostAsync("/send", "/send", ("Title", "Hello"), ("Description", "from the test"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("value=\"https://elsewhere.invalid/x\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/deliveries?done=queued", OwnerBrowser.Target(sent), StringComparison.Ordinal);
        Assert.Equal(1, await fixture.DeliveryCountAsync(account));
    }
}
