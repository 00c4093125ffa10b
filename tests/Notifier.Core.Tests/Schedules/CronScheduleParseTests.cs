using System.Globalization;
using Notifier.Core.Schedules;

namespace Notifier.Core.Tests.Schedules;

public sealed class CronScheduleParseTests
{
    private static readonly DateTime Now = new(2026, 3, 6, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("30 8 * * 1-5")]
    [InlineData("*/15 9-17 * * MON-FRI")]
    [InlineData("0 0 1,15 * *")]
    [InlineData("0 0 * * 0")]
    [InlineData("0 0 * * 7")]
    [InlineData("0 0 1 * 1")]
    [InlineData("0 12 * 1-6 *")]
    public void UnixExpression_IsStoredAsAQuartzExpressionThatFiresAtTheSameTimes(string unix)
    {
        var parsed = Parse(unix);

        Assert.Equal(6, parsed.Expression.Split(' ').Length);
        var reparsed = Parse(parsed.Expression);
        Assert.Equal(parsed.Expression, reparsed.Expression);
        Assert.Equal(parsed.Next(Now, 40), reparsed.Next(Now, 40));
    }

    [Theory]
    [InlineData("0 0 * * 0", DayOfWeek.Sunday)]
    [InlineData("0 0 * * 7", DayOfWeek.Sunday)]
    [InlineData("0 0 * * 1", DayOfWeek.Monday)]
    [InlineData("0 0 * * 6", DayOfWeek.Saturday)]
    public void UnixDayOfWeek_CountsFromSundayAsZero(string unix, DayOfWeek day) =>
        Assert.All(Parse(unix).Next(Now, 5), f => Assert.Equal(day, f.DayOfWeek));

    [Fact]
    public void UnixWithDayOfMonthAndDayOfWeek_FiresOnEither_AsCronDoes()
    {
        var fires = Parse("0 9 1 * 1").Next(Now, 6);

        Assert.All(fires, f => Assert.True(f.Day == 1 || f.DayOfWeek == DayOfWeek.Monday, $"{f:O}"));
        Assert.Contains(fires, f => f.Day == 1 && f.DayOfWeek != DayOfWeek.Monday);
        Assert.Contains(fires, f => f.Day != 1);
    }

    [Theory]
    [InlineData("0 0 12 * JAN-DEC/0 ?")]
    [InlineData("0 0-59/0 * * * ?")]
    [InlineData("0 0 0 ? * 1/0")]
    [InlineData("0/00 * * * * ?")]
    [InlineData("0 1-10/0 * * *")]
    public void StepOfZero_IsRefusedInAnyField(string cron) =>
        Assert.Equal("cron", Refusal(cron, null).Field);

    [Theory]
    [InlineData("0 0/5 * * * ?")]
    [InlineData("0 0 8-18/10 ? * MON-FRI")]
    [InlineData("0 0 12 1 JAN-DEC/3 ?")]
    public void StepsThatAdvance_AreAccepted(string cron) => Assert.NotEmpty(Parse(cron).Next(Now, 3));

    [Theory]
    [InlineData("0 0 0 * * ? 1999", "never fires again")]
    [InlineData("0 0 0 31 2 ?", "never fires again")]
    [InlineData("0 0 0 * * ? 2300", "Year")]
    public void ExpressionWithoutFutureFires_IsRefused(string cron, string saying)
    {
        var (field, error) = Refusal(cron, null);

        Assert.Equal("cron", field);
        Assert.Contains(saying, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KST")]
    [InlineData("Korea Standard Time")]
    [InlineData("+09:00")]
    [InlineData("Asia")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../etc/passwd")]
    public void NonIanaZone_IsRefusedUnderTimeZone(string zone) => Assert.Equal("timeZone", Refusal("0 0 8 * * ?", zone).Field);

    [Theory]
    [InlineData("asia/seoul", "Asia/Seoul")]
    [InlineData("EUROPE/BERLIN", "Europe/Berlin")]
    public void ZoneIdInAnotherCase_IsRefused_EvenAfterTheZoneWasLoaded(string spelled, string canonical)
    {
        Assert.Equal(canonical, Parse("0 0 8 * * ?", canonical).Zone.Id);

        Assert.Equal("timeZone", Refusal("0 0 8 * * ?", spelled).Field);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    public void IanaZone_IsKeptAsGiven(string zone) => Assert.Equal(zone, Parse("0 0 8 * * ?", zone).Zone.Id);

    [Fact]
    public void NoZone_MeansSeoul() => Assert.Equal("Asia/Seoul", Parse("0 0 8 * * ?").Zone.Id);

    [Fact]
    public void OneShotExpression_FiresOnce()
    {
        var fires = Parse("0 0 12 1 1 ? 2030").Next(Now, 3);

        Assert.Equal(["2030-01-01T12:00:00+09:00"], fires.Select(f => f.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
    }

    private static CronSchedule Parse(string cron, string? zone = null) =>
        CronSchedule.TryParse(cron, zone, Now, out _, out var error) ?? throw new InvalidOperationException(error);

    private static (string? Field, string? Error) Refusal(string cron, string? zone)
    {
        Assert.Null(CronSchedule.TryParse(cron, zone, Now, out var field, out var error));
        return (field, error);
    }
}
