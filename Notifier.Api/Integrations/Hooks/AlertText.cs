using System.Globalization;
using System.Text;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>How alerts read in a memo: one line each with its summary, instance and severity, and when it started (in the receiving account's zone).</summary>
internal static class AlertText
{
    public static string Describe(IReadOnlyList<AlertmanagerAlert> alerts, Dictionary<string, string>? commonAnnotations, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        var common = Summary(commonAnnotations);
        if (common is not null)
        {
            text.AppendLine(common);
        }

        foreach (var alert in alerts)
        {
            var summary = Summary(alert.Annotations);
            var parts = new[]
            {
                summary == common ? null : summary,
                Label(alert.Labels, "instance"),
                Label(alert.Labels, "severity") is { } severity ? $"severity {severity}" : null,
                alert.StartsAt is { } started && started.Year > 1 ? $"since {At(started, zone)}" : null,
            }.Where(p => !string.IsNullOrWhiteSpace(p));
            text.AppendLine("• " + string.Join(" · ", parts));
        }

        return text.ToString().Trim();
    }

    /// <summary>The summary annotation, else the description.</summary>
    public static string? Summary(Dictionary<string, string>? annotations) =>
        Label(annotations, "summary") ?? Label(annotations, "description");

    public static string? Label(Dictionary<string, string>? labels, string name) =>
        labels is not null && labels.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>An instant in the account's zone with its offset, which says the zone without a name .NET does not have (EST, KST).</summary>
    public static string At(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    public static string StatusEmoji(string? status) => status == "resolved" ? "✅" : "🔥";
}
