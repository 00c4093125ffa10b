using System.Globalization;
using Notifier.Core.Schedules;

namespace Notifier.Core.Tests.Schedules;

/// <summary>
/// Fire times across daylight-saving changes, as Quartz computes them. 2026 in America/New_York: clocks jump from
/// 02:00 to 03:00 on 8 March and fall back from 02:00 to 01:00 on 1 November; in Europe/Berlin on 29 March and
/// 25 October (at 02:00/03:00 local).
/// </summary>
public sealed class CronScheduleDstTests
{
    private static readonly TimeSpan NewYorkWinter = TimeSpan.FromHours(-5);
    private static readonly TimeSpan NewYorkSummer = TimeSpan.FromHours(-4);

    [Fact]
    public void DailyAtTwoThirty_OnTheSpringForwardDay_FiresOnceAtThree_TheFirstLocalTimeThatExists()
    {
        var fires = Parse("0 30 2 * * ?", "America/New_York").Next(Utc("2026-03-06T12:00:00Z"), 4);

        Assert.Equal(
            ["2026-03-07T02:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00", "2026-03-10T02:30:00-04:00"],
            Local(fires));
        Assert.Single(fires, f => f.Date == new DateTime(2026, 3, 8));
        AssertStrictlyIncreasing(fires);
    }

    [Fact]
    public void DailyAtOneThirty_OnTheFallBackDay_FiresOnce_AtTheFirstOfTheTwoOneThirties()
    {
        var fires = Parse("0 30 1 * * ?", "America/New_York").Next(Utc("2026-10-30T12:00:00Z"), 4);

        Assert.Equal(
            ["2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00", "2026-11-03T01:30:00-05:00"],
            Local(fires));
        Assert.Single(fires, f => f.Date == new DateTime(2026, 11, 1));
        AssertStrictlyIncreasing(fires);
    }

    [Fact]
    public void EveryHalfHour_AcrossTheFallBack_FiresInBothOneOClockHours_StrictlyLaterEachTime()
    {
        var fires = Parse("0 */30 * * * ?", "America/New_York").Next(Utc("2026-11-01T04:00:00Z"), 6);

        Assert.Equal(
            [
                "2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00",
                "2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00", "2026-11-01T02:00:00-05:00",
            ],
            Local(fires));
        // Every fire is half an hour after the one before it: none doubled, none lost.
        Assert.All(fires.Zip(fires.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(30), pair.Second - pair.First));
    }

    [Fact]
    public void EveryHalfHour_AcrossTheSpringForward_SkipsTheHourThatDoesNotExist()
    {
        var fires = Parse("0 */30 * * * ?", "America/New_York").Next(Utc("2026-03-08T05:00:00Z"), 5);

        Assert.Equal(
            ["2026-03-08T00:30:00-05:00", "2026-03-08T01:00:00-05:00", "2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"],
            Local(fires));
        Assert.All(fires.Zip(fires.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(30), pair.Second - pair.First));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-05T00:00:00Z", -5, -4)]
    [InlineData("America/New_York", "2026-10-29T00:00:00Z", -4, -5)]
    [InlineData("Europe/Berlin", "2026-03-26T00:00:00Z", 1, 2)]
    [InlineData("Europe/Berlin", "2026-10-22T00:00:00Z", 2, 1)]
    public void DailyAtEight_StaysAtEightLocal_WhileTheUtcOffsetChanges(string zone, string from, int offsetBefore, int offsetAfter)
    {
        var fires = Parse("0 0 8 * * ?", zone).Next(Utc(from), 7);

        Assert.All(fires, f => Assert.Equal(new TimeSpan(8, 0, 0), f.TimeOfDay));
        Assert.Equal(TimeSpan.FromHours(offsetBefore), fires[0].Offset);
        Assert.Equal(TimeSpan.FromHours(offsetAfter), fires[^1].Offset);
        // Consecutive days, so the UTC gap is 24 h except across the change, where it is 23 or 25 h.
        var gaps = fires.Zip(fires.Skip(1), (a, b) => (b - a).TotalHours).ToList();
        Assert.Equal(5, gaps.Count(g => g == 24));
        Assert.Single(gaps, g => g == 24 - (offsetAfter - offsetBefore));
        AssertStrictlyIncreasing(fires);
    }

    [Fact]
    public void NextAfter_ReturnsUtc_AndMatchesTheLocalFireTimes()
    {
        var schedule = Parse("0 0 8 * * ?", "America/New_York");

        var next = schedule.NextAfter(Utc("2026-03-08T00:00:00Z"));

        Assert.Equal(DateTimeKind.Utc, next!.Value.Kind);
        Assert.Equal(new DateTime(2026, 3, 8, 12, 0, 0, DateTimeKind.Utc), next);
        Assert.Equal(NewYorkSummer, schedule.Next(Utc("2026-03-08T00:00:00Z"), 1)[0].Offset);
        Assert.Equal(NewYorkWinter, schedule.Next(Utc("2026-03-07T00:00:00Z"), 1)[0].Offset);
    }

    private static CronSchedule Parse(string cron, string zone) =>
        CronSchedule.TryParse(cron, zone, Utc("2026-01-01T00:00:00Z"), out _, out var error) ?? throw new InvalidOperationException(error);

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>Local time with its offset: <see cref="DateTimeOffset"/> equality alone would ignore the offset.</summary>
    private static string[] Local(IEnumerable<DateTimeOffset> fires) =>
        [.. fires.Select(f => f.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))];

    private static void AssertStrictlyIncreasing(IReadOnlyList<DateTimeOffset> fires) =>
        Assert.All(fires.Zip(fires.Skip(1)), pair => Assert.True(pair.Second.UtcDateTime > pair.First.UtcDateTime, $"{pair.Second:O} is not after {pair.First:O}"));
}
