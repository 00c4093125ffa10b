using Microsoft.Extensions.Configuration;

namespace Notifier.Core;

/// <summary>
/// Refuses to start while one of Notifier's settings still holds a placeholder from <c>.env.example</c> (a value
/// containing <see cref="Marker"/>): a deployment must never run with a password or key everyone can read.
/// </summary>
public static class PlaceholderSettings
{
    public const string Marker = "change-me";

    private static readonly string[] Sections = ["ConnectionStrings", "Database", "Kakao", "Api", "Notifier", "Dispatch", "Schedules", "Worker", "Proxy", "Metrics", "DataProtection"];

    /// <summary>Throws naming every such setting (never its value).</summary>
    public static void ThrowIfAny(IConfiguration configuration)
    {
        var left = configuration.AsEnumerable()
            .Where(s => s.Value?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true)
            .Select(s => s.Key)
            .Where(k => Sections.Contains(k.Split(':')[0], StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (left.Count > 0)
        {
            throw new InvalidOperationException(
                $"Not starting: {string.Join(", ", left)} still hold{(left.Count == 1 ? "s" : "")} a placeholder from .env.example " +
                $"(a value containing '{Marker}'). Replace it with a real value (for a password or key: openssl rand -hex 24; for DataProtection:KeyEncryptionKey: openssl rand -base64 32).");
        }
    }
}
