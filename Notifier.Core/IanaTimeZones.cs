namespace Notifier.Core;

/// <summary>
/// IANA time zones as Notifier stores them (schedules, owners, the upkeep): an id exactly as the machine's tzdata spells
/// it, <see cref="Default"/> when none is chosen.
/// </summary>
public static class IanaTimeZones
{
    public const string Default = "Asia/Seoul";

    /// <summary>The longest id a column holds (the longest IANA id is about 30 characters).</summary>
    public const int MaxIdLength = 64;

    /// <summary>
    /// The zone <paramref name="id"/> names, or null. Strict: .NET finds a zone in another case only once it has loaded
    /// it (its cache ignores case), so an id in another case or a Windows name is refused always.
    /// </summary>
    public static TimeZoneInfo? Find(string? id)
    {
        var zoneId = id?.Trim();
        return !string.IsNullOrEmpty(zoneId) && zoneId.Length <= MaxIdLength && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            && zone.HasIanaId && string.Equals(zone.Id, zoneId, StringComparison.Ordinal)
            ? zone
            : null;
    }

    /// <summary>The stored zone, or <see cref="Default"/> if this machine no longer knows it (tzdata changed).</summary>
    public static TimeZoneInfo OrDefault(string? id) => Find(id) ?? TimeZoneInfo.FindSystemTimeZoneById(Default);

    /// <summary>Every IANA zone this machine knows, for a person's choice.</summary>
    public static IReadOnlyList<string> All { get; } =
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();
}
