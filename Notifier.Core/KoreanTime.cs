namespace Notifier.Core;

/// <summary>Korea Standard Time (UTC+9, no daylight saving): the day Kakao's daily quotas presumably count in.</summary>
public static class KoreanTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The Korean calendar day of a UTC instant.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    /// <summary>The next Korean midnight after a UTC instant, in UTC.</summary>
    public static DateTime NextMidnightUtc(DateTime utc) =>
        DateTime.SpecifyKind(Day(utc).AddDays(1).ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>The first Korean midnight of the next month, in UTC.</summary>
    public static DateTime NextMonthUtc(DateTime utc)
    {
        var day = Day(utc);
        var first = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
        return DateTime.SpecifyKind(first.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
    }
}
