using System.Globalization;

namespace Notifier.Api.Pages;

/// <summary>How the pages write a time: UTC for the log, the schedule's own zone for its fires.</summary>
internal static class Times
{
    public static string Utc(DateTime? utc) =>
        utc is { } value ? value.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Zoned(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd (ddd) HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
}
