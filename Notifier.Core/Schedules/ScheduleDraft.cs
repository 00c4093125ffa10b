using Notifier.Core.Messages;

namespace Notifier.Core.Schedules;

/// <summary>What the owner asks for when creating or replacing a schedule.</summary>
public sealed record ScheduleDraft
{
    public long? AccountId { get; init; }

    public string? Name { get; init; }

    public string? Cron { get; init; }

    public string? TimeZone { get; init; }

    public MessageContent? Message { get; init; }

    public bool? Enabled { get; init; }
}
