using System.Globalization;
using System.Text.Json.Nodes;
using Notifier.Testing;
using static Notifier.Api.Tests.Schedules.ScheduleRequests;

namespace Notifier.Api.Tests.Schedules;

/// <summary>The Api host running the Quartz jobs and the dispatcher: a schedule every two seconds, end to end.</summary>
[RunsLong]
public abstract class ScheduleFiringTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : FiringSchedulesFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryTwoSeconds_SendsAMemoPerFire_ThenNothingNewAfterItIsDisabled()
    {
        var text = $"Tick {Guid.NewGuid():N}";
        var body = Body(cron: "0/2 * * * * ?", text: text);
        var id = (await CreateAsync(fixture.Api, body)).GetProperty("id").GetInt64();
        var template = JsonNode.Parse((string)(await fixture.Database.ScalarAsync("SELECT TemplateJson FROM schedules WHERE Id = @id", ("@id", id)))!);

        await Eventually.MatchAsync(() => Memos(text).Count, n => n >= 3, "three memos from the schedule", Deadline);

        Assert.All(Memos(text), m => Assert.True(JsonNode.DeepEquals(template, m.Template), m.Template.ToJsonString()));
        // One fire time per delivery, none missing (COUNT DISTINCT skips nulls). One statement: the materializer keeps
        // adding fires, so two separate counts could see different rows.
        Assert.Equal(0L, await fixture.CountAsync("SELECT COUNT(*) - COUNT(DISTINCT FireTime) FROM deliveries WHERE ScheduleId = @id", ("@id", id)));
        Assert.All(await FireTimesAsync(id), t => Assert.True(t.Second % 2 == 0 && t.TimeOfDay.Ticks % TimeSpan.TicksPerSecond == 0, $"fire time {t:O}"));
        // Kakao has a memo before the dispatcher records it sent (the outcome is written once Kakao answered, in groups),
        // so the third memo at the fake does not mean three rows say 'sent' yet: a clean clone's run once saw two.
        await Eventually.TrueAsync(
            async () => await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id AND Status = 'sent'", ("@id", id)) >= 3,
            "three deliveries recorded sent", Deadline);

        body["enabled"] = false;
        using (var disabled = await PutAsync(fixture.Api, id, body))
        {
            Assert.True(disabled.IsSuccessStatusCode, $"{(int)disabled.StatusCode}");
        }

        var disabledAt = DateTime.UtcNow;
        var afterDisable = await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id", ("@id", id));
        // The fires queued ahead (the 60 s lookahead) were withdrawn: nothing left is due after the disable.
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id AND FireTime > @at", ("@id", id), ("@at", disabledAt)));

        // Two and a half fire periods and several materializer polls later (the host's clock is this machine's).
        await Eventually.TrueAsync(() => DateTime.UtcNow > disabledAt.AddSeconds(5), "five seconds to pass after the disable", TimeSpan.FromSeconds(30));
        Assert.Equal(afterDisable, await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id", ("@id", id)));
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id AND FireTime > @at", ("@id", id), ("@at", disabledAt)));
        // Whatever was already due when it was disabled finishes; each sent delivery is exactly one memo.
        await Eventually.TrueAsync(
            async () => Memos(text).Count == await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id AND Status = 'sent'", ("@id", id))
                && await fixture.CountAsync("SELECT COUNT(*) FROM deliveries WHERE ScheduleId = @id AND Status IN ('queued', 'sending')", ("@id", id)) == 0,
            "every delivery sent once", Deadline);
        Assert.Equal(afterDisable, Memos(text).Count);
    }

    /// <summary>The fire times of the schedule's deliveries, as the delivery log gives them.</summary>
    private async Task<List<DateTime>> FireTimesAsync(long scheduleId)
    {
        var log = JsonNode.Parse(await fixture.Api.GetStringAsync(new Uri($"/api/messages?scheduleId={scheduleId}&limit=200", UriKind.Relative)))!;
        return [.. log["items"]!.AsArray().Select(m => m!["fireTime"]!.GetValue<DateTime>())];
    }

    private List<Notifier.Testing.Kakao.FakeMemo> Memos(string text) =>
        [.. fixture.Kakao.Memos.Where(m => m.Template["text"]?.GetValue<string>() == text)];
}

public sealed class ScheduleFiringTestsOnMariaDb(FiringSchedulesFixture fixture) : ScheduleFiringTests<FiringSchedulesFixture>(fixture);

public sealed class ScheduleFiringTestsOnSqlite(FiringSchedulesFixtureOnSqlite fixture) : ScheduleFiringTests<FiringSchedulesFixtureOnSqlite>(fixture);
