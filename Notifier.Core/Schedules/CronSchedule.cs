using System.Text.RegularExpressions;
using Quartz;

namespace Notifier.Core.Schedules;

/// <summary>
/// A validated cron expression in a time zone: Quartz syntax (seconds first, e.g. <c>0 30 8 ? * MON-FRI</c>), or a
/// 5-field Unix expression (<c>30 8 * * 1-5</c>) converted to it; the zone an IANA id. Fire times are computed by
/// Quartz's own <see cref="CronExpression"/>, so daylight-saving gaps and overlaps follow Quartz's rules.
/// </summary>
public sealed partial class CronSchedule
{
    public const string DefaultTimeZone = IanaTimeZones.Default;
    public const int MaxNameLength = 100;

    private readonly CronExpression _expression;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression.WithTimeZone(zone);
        Expression = expression.CronExpressionString;
        Zone = zone;
    }

    /// <summary>The Quartz expression.</summary>
    public string Expression { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Parses <paramref name="cron"/> in <paramref name="timeZone"/>; <paramref name="error"/> names the problem when it cannot.</summary>
    public static CronSchedule? TryParse(string? cron, string? timeZone, DateTime nowUtc, out string? field, out string? error)
    {
        field = "cron";
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 0)
        {
            error = "is required, e.g. '0 30 8 ? * MON-FRI' (Quartz) or '30 8 * * 1-5' (Unix)";
            return null;
        }

        if (fields.Length is not (5 or 6 or 7))
        {
            error = $"has {fields.Length} fields; give 6 or 7 (Quartz: seconds minutes hours day-of-month month day-of-week [year]) or 5 (Unix: minute hour day-of-month month day-of-week)";
            return null;
        }

        // Quartz refuses '*/0' but takes a zero step on a named range ('JAN-DEC/0') and then ignores it.
        if (fields.Any(ZeroStep().IsMatch))
        {
            error = "has a step of 0 ('/0'), which would advance by nothing; use a step of 1 or more";
            return null;
        }

        CronExpression quartz;
        try
        {
            // Quartz reads the 5-field crontab form itself (Sunday = 0 or 7) and stores its own spelling of it.
            quartz = CronExpression.Parse(string.Join(' ', fields), fields.Length == 5 ? CronFormat.Unix : CronFormat.Quartz);
        }
        catch (FormatException ex)
        {
            error = $"is not a valid {(fields.Length == 5 ? "Unix" : "Quartz")} cron expression: {ex.Message}";
            return null;
        }

        field = "timeZone";
        if (FindZone(timeZone, out error) is not { } zone)
        {
            return null;
        }

        var schedule = new CronSchedule(quartz, zone);
        field = "cron";
        if (schedule.NextAfter(nowUtc) is null)
        {
            error = "never fires again";
            return null;
        }

        error = null;
        return schedule;
    }

    /// <summary>The IANA zone <paramref name="timeZone"/> names (<see cref="DefaultTimeZone"/> when none), or null and why not.</summary>
    public static TimeZoneInfo? FindZone(string? timeZone, out string? error)
    {
        var zoneId = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        if (IanaTimeZones.Find(zoneId) is not { } zone)
        {
            error = $"'{Printable(zoneId)}' is not an IANA time zone id (e.g. Asia/Seoul, Europe/Berlin, UTC; the case matters)";
            return null;
        }

        error = null;
        return zone;
    }

    /// <summary>The first fire strictly after <paramref name="utc"/>, in UTC; null when there is none.</summary>
    public DateTime? NextAfter(DateTime utc) =>
        _expression.GetNextValidTimeAfter(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))?.UtcDateTime;

    /// <summary>
    /// How many upcoming fires the minimum interval is checked over: more than a day's worth for any schedule that
    /// passes a 60 s minimum (1,500 minutes is 25 h), so every pattern a cron repeats daily (its second, minute and hour
    /// sets) shows up, and a few milliseconds of work.
    /// </summary>
    public const int IntervalCheckFires = 1_500;

    /// <summary>
    /// The first two consecutive fires among the next <see cref="IntervalCheckFires"/> after <paramref name="utc"/> that
    /// are less than <paramref name="minimum"/> apart (UTC), or null when there are none.
    /// </summary>
    public (DateTime First, DateTime Second)? FiresCloserThan(TimeSpan minimum, DateTime utc)
    {
        var previous = NextAfter(utc);
        for (var i = 1; i < IntervalCheckFires && previous is { } first; i++)
        {
            if (NextAfter(first) is not { } second)
            {
                return null;
            }

            if (second - first < minimum)
            {
                return (first, second);
            }

            previous = second;
        }

        return null;
    }

    /// <summary>The next <paramref name="count"/> fires after <paramref name="utc"/>, as local times of the zone.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTime utc, int count)
    {
        var fires = new List<DateTimeOffset>(count);
        var after = utc;
        while (fires.Count < count && NextAfter(after) is { } next)
        {
            fires.Add(TimeZoneInfo.ConvertTime(new DateTimeOffset(next, TimeSpan.Zero), Zone));
            after = next;
        }

        return fires;
    }

    [GeneratedRegex("/0+(?![0-9])")]
    private static partial Regex ZeroStep();

    private static string Printable(string value) =>
        new([.. value.Where(c => !char.IsControl(c)).Take(64)]);
}
