using System.Globalization;
using System.Text.RegularExpressions;

namespace Notifier.Testing.Compose;

/// <summary>
/// A service's healthcheck: compose marks it unhealthy after <see cref="Retries"/> failures <see cref="Interval"/> apart,
/// not counting the failures within <see cref="StartPeriod"/> of the start; each probe may take <see cref="Timeout"/>.
/// </summary>
public sealed partial record ComposeHealthcheck(IReadOnlyList<string> Command, TimeSpan Interval, TimeSpan Timeout, int Retries, TimeSpan StartPeriod)
{
    /// <summary>How long compose gives the service to become healthy.</summary>
    public TimeSpan Budget => StartPeriod + Interval * Retries;

    /// <summary>Compose's duration syntax (<c>10s</c>, <c>1m30s</c>, <c>500ms</c>).</summary>
    public static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (Match part in DurationPart().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                var unit => throw new FormatException($"Unknown duration unit '{unit}' in '{text}'."),
            };
        }

        return total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex DurationPart();
}
