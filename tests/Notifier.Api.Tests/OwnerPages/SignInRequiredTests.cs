using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.OwnerPages;

public sealed class SignInRequiredTests(OwnerPagesFixture fixture) : IClassFixture<OwnerPagesFixture>
{
    [Theory]
    [InlineData("/schedules")]
    [InlineData("/schedules/1")]
    [InlineData("/deliveries")]
    [InlineData("/deliveries/1")]
    [InlineData("/send")]
    [InlineData("/account/disconnect")]
    [InlineData("/keys")]
    public async Task OwnerPage_ForAStranger_RedirectsToTheHomePageToConnect(string page)
    {
        using var stranger = fixture.Factory.CreateBrowser();

        using var response = await stranger.GetAsync(new Uri(page, UriKind.Relative));

        Assert.StartsWith("/?", OwnerBrowser.Target(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostForm_FromAStranger_ChangesNothing()
    {
        using var stranger = new OwnerBrowser(fixture.Factory.CreateBrowser());
        var before = await fixture.LongAsync("SELECT COUNT(*) FROM schedules");

        using var response = await stranger.PostAsync("/schedules", null, ("Name", "Sneaky"), ("Cron", "0 0 9 * * ?"), ("Text", "hi"));

        Assert.StartsWith("/?", OwnerBrowser.Target(response), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.LongAsync("SELECT COUNT(*) FROM schedules"));
    }

    [Theory]
    [InlineData("/schedules")]
    [InlineData("/send")]
    public async Task PostForm_WithoutAntiforgeryToken_Is400AndChangesNothing(string form)
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6101, "Token Owner");
        var schedules = await fixture.LongAsync("SELECT COUNT(*) FROM schedules");
        var deliveries = await fixture.DeliveryCountAsync();

        using var response = await owner.PostAsync(form, null, ("Name", "No token"), ("Cron", "0 0 9 * * ?"), ("Text", "hi"), ("Title", "hi"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(schedules, await fixture.LongAsync("SELECT COUNT(*) FROM schedules"));
        Assert.Equal(deliveries, await fixture.DeliveryCountAsync());
    }

    [Fact]
    public async Task DeleteForm_WithoutAntiforgeryToken_Is400AndKeepsTheSchedule()
    {
        using var owner = await OwnerBrowser.ConnectAsync(fixture, 6102, "Delete Owner");
        using var created = await owner.PostAsync("/schedules", "/schedules", ("Name", "Keep me"), ("Cron", "0 0 9 * * ?"), ("Kind", "text"), ("Text", "hi"));
        var id = await fixture.LongAsync("SELECT MAX(Id) FROM schedules WHERE Name = 'Keep me'");

        using var response = await owner.PostAsync($"/schedules/{id}/delete", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE Id = @id", ("@id", id)));
    }
}
