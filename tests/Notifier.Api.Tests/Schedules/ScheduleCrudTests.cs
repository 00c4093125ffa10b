using System.Net;
using System.Text.Json;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

public abstract class ScheduleCrudTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SchedulesFixture
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    [Fact]
    public async Task Create_UnixWeekdayExpression_IsStoredAsQuartz_AndFiresOnWeekdaysAtHalfPastEightInSeoul()
    {
        var view = await CreateAsync(fixture.Api, Body(cron: "30 8 * * 1-5"));

        Assert.Equal("Asia/Seoul", view.GetProperty("timeZone").GetString());
        var cron = view.GetProperty("cron").GetString()!;
        Assert.Equal(6, cron.Split(' ').Length);
        var fires = FireTimes(view);
        Assert.Equal(5, fires.Count);
        Assert.All(fires, f =>
        {
            Assert.Equal(Seoul, f.Offset);
            Assert.Equal(new TimeSpan(8, 30, 0), f.TimeOfDay);
            Assert.InRange(f.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday);
        });
        Assert.True(fires[0] > DateTimeOffset.UtcNow);
        Assert.All(fires.Zip(fires.Skip(1)), p => Assert.True(p.Second > p.First));
        Assert.All(view.GetProperty("nextFireTimes").EnumerateArray(), f => Assert.EndsWith("+09:00", f.GetString(), StringComparison.Ordinal));
        Assert.Equal(1, await fixture.CountAsync("SELECT COUNT(*) FROM schedules WHERE Id = @id AND Cron = @cron", ("@id", Id(view)), ("@cron", cron)));
    }

    [Fact]
    public async Task Schedule_CreatedReadListedReplacedDisabledDeleted_ShowsEachChange()
    {
        using var created = await PostAsync(fixture.Api, Body(cron: "0 0 9 * * ?", timeZone: "Europe/Berlin", name: "Lifecycle"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await JsonAsync(created);
        var id = Id(view);
        Assert.Equal($"/api/schedules/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(
            ["id", "accountId", "name", "cron", "timeZone", "message", "enabled", "nextFireTimes", "createdAt", "updatedAt"],
            view.EnumerateObject().Select(p => p.Name));
        Assert.Equal((fixture.AccountId, "Lifecycle", "Europe/Berlin", true), (view.GetProperty("accountId").GetInt64(), view.GetProperty("name").GetString(), view.GetProperty("timeZone").GetString(), view.GetProperty("enabled").GetBoolean()));
        Assert.Equal("Good morning", view.GetProperty("message").GetProperty("text").GetString());
        Assert.All(FireTimes(view), f => Assert.Equal(9, f.Hour));

        var read = await GetAsync($"/api/schedules/{id}");
        Assert.Equal(view.GetProperty("createdAt").GetDateTime(), read.GetProperty("createdAt").GetDateTime());
        Assert.Equal("0 0 9 * * ?", read.GetProperty("cron").GetString());
        Assert.Contains(await ListAsync("/api/schedules"), s => Id(s) == id);
        Assert.Contains(await ListAsync($"/api/schedules?accountId={fixture.AccountId}"), s => Id(s) == id);
        Assert.Empty(await ListAsync($"/api/schedules?accountId={fixture.AccountId + 1000}"));

        using var replaced = await PutAsync(fixture.Api, id, Body(cron: "0 15 18 ? * SAT", timeZone: "Europe/Berlin", name: "Lifecycle", text: "Evening"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await JsonAsync(replaced);
        Assert.Equal("0 15 18 ? * SAT", after.GetProperty("cron").GetString());
        Assert.All(FireTimes(after), f => Assert.Equal((DayOfWeek.Saturday, new TimeSpan(18, 15, 0)), (f.DayOfWeek, f.TimeOfDay)));
        Assert.Empty(FireTimes(after).Intersect(FireTimes(view)));
        Assert.Equal(view.GetProperty("createdAt").GetDateTime(), after.GetProperty("createdAt").GetDateTime());
        Assert.True(after.GetProperty("updatedAt").GetDateTime() >= view.GetProperty("updatedAt").GetDateTime());
        Assert.Equal("Evening", (await GetAsync($"/api/schedules/{id}")).GetProperty("message").GetProperty("text").GetString());

        var disable = Body(cron: "0 15 18 ? * SAT", timeZone: "Europe/Berlin", name: "Lifecycle", text: "Evening");
        disable["enabled"] = false;
        using var disabled = await PutAsync(fixture.Api, id, disable);
        var off = await JsonAsync(disabled);
        Assert.Equal((HttpStatusCode.OK, false), (disabled.StatusCode, off.GetProperty("enabled").GetBoolean()));
        Assert.Empty(FireTimes(off));
        Assert.Equal(1, await fixture.CountAsync("SELECT COUNT(*) FROM schedules WHERE Id = @id AND NOT Enabled AND NextFireTime IS NULL", ("@id", id)));

        using var deleted = await fixture.Api.DeleteAsync(new Uri($"/api/schedules/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await fixture.Api.GetAsync(new Uri($"/api/schedules/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain(await ListAsync("/api/schedules"), s => Id(s) == id);
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM schedules WHERE Id = @id", ("@id", id)));
    }

    [Fact]
    public async Task Create_DisabledFromTheStart_HasNoNextFireTimes()
    {
        var body = Body();
        body["enabled"] = false;

        var view = await CreateAsync(fixture.Api, body);

        Assert.False(view.GetProperty("enabled").GetBoolean());
        Assert.Empty(FireTimes(view));
    }

    private static long Id(JsonElement view) => view.GetProperty("id").GetInt64();

    private async Task<List<JsonElement>> ListAsync(string path) => [.. (await GetAsync(path)).EnumerateArray()];

    private async Task<JsonElement> GetAsync(string path) =>
        JsonDocument.Parse(await fixture.Api.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement;
}

public sealed class ScheduleCrudTestsOnMariaDb(SchedulesFixture fixture) : ScheduleCrudTests<SchedulesFixture>(fixture);

public sealed class ScheduleCrudTestsOnSqlite(SchedulesFixtureOnSqlite fixture) : ScheduleCrudTests<SchedulesFixtureOnSqlite>(fixture);
