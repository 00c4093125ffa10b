using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.OwnerPages;

public sealed class OwnerIsolationTests(OwnerPagesFixture fixture) : IClassFixture<OwnerPagesFixture>
{
    [Fact]
    public async Task AnotherOwnersScheduleAndDelivery_AreNotFound_AndStayUnchanged()
    {
        using var first = await OwnerBrowser.ConnectAsync(fixture, 6301, "First Owner");
        using var second = await OwnerBrowser.ConnectAsync(fixture, 6302, "Second Owner");
        using var created = await first.PostAsync("/schedules", "/schedules", ("Name", "Private plan"), ("Cron", "0 0 9 * * ?"), ("Kind", "text"), ("Text", "mine"));
        var id = await fixture.LongAsync("SELECT Id FROM schedules WHERE Name = 'Private plan'");
        using var triggered = await first.PostAsync($"/schedules/{id}/send", "/schedules");
        var delivery = await fixture.LongAsync("SELECT MAX(Id) FROM deliveries WHERE ScheduleId = @id", ("@id", id));

        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/schedules/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/deliveries/{delivery}")).Status);
        Assert.DoesNotContain("Private plan", (await second.GetAsync("/schedules")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"delivery-{delivery}", (await second.GetAsync("/deliveries")).Html, StringComparison.Ordinal);
        foreach (var (action, fields) in new[]
                 {
                     ($"/schedules/{id}", new[] { ("Name", "Hijacked"), ("Cron", "0 0 9 * * ?"), ("Kind", "text"), ("Text", "theirs") }),
                     ($"/schedules/{id}/enabled", new[] { ("enabled", "false") }),
                     ($"/schedules/{id}/send", Array.Empty<(string, string)>()),
                     ($"/schedules/{id}/delete", Array.Empty<(string, string)>()),
                 })
        {
            using var response = await second.PostAsync(action, "/schedules", fields);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal("Private plan", await TestName(id));
        Assert.Equal(1, await fixture.LongAsync("SELECT Enabled FROM schedules WHERE Id = @id", ("@id", id)));
        Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id", ("@id", id)));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/deliveries/{delivery}")).Status);
    }

    private async Task<string?> TestName(long id) =>
        (string?)await Notifier.Testing.Database.TestMariaDb.ScalarAsync(fixture.ConnectionString, "SELECT Name FROM schedules WHERE Id = @id", ("@id", id));
}
