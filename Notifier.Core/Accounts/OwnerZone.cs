namespace Notifier.Core.Accounts;

/// <summary>The time zone an owner reads times in: <c>Asia/Seoul</c> until they choose another IANA zone.</summary>
public static class OwnerZone
{
    public const string Default = "Asia/Seoul";

    public const int MaxLength = 64;

    /// <summary>The zone of an IANA id (as stored), or <see langword="null"/> when this machine knows no such zone.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)
            && zone.HasIanaId
            ? zone
            : null;

    /// <summary>The stored zone, falling back to <see cref="Default"/> if the machine lost it (tzdata changed).</summary>
    public static TimeZoneInfo Of(string? id) => Find(id) ?? TimeZoneInfo.FindSystemTimeZoneById(Default);

    /// <summary>Every IANA zone this machine knows, for the owner's choice.</summary>
    public static IReadOnlyList<string> All { get; } =
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();
}
