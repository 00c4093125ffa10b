using System.Globalization;

namespace Notifier.Api.Pages;

/// <summary>How the pages write a time: the owner's zone for the log and the account, the schedule's own zone for its fires.</summary>
internal static class Times
{
    /// <summary>A UTC instant in the owner's zone, with its offset (the page names the zone).</summary>
    public static string Local(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? Zoned(TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)), zone), seconds: true) : "—";

    public static string Zoned(DateTimeOffset time, bool seconds = false) =>
        time.ToString(seconds ? "yyyy-MM-dd (ddd) HH:mm:ss 'UTC'zzz" : "yyyy-MM-dd (ddd) HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
}
