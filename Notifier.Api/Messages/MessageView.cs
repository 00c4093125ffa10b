using Notifier.Core.Deliveries;

namespace Notifier.Api.Messages;

/// <summary>What the API shows of a delivery.</summary>
public sealed record MessageView(
    long Id,
    long AccountId,
    string Status,
    int Attempts,
    DateTime CreatedAt,
    DateTime? SentAt,
    string? LastError,
    long? ScheduleId,
    DateTime? FireTime,
    string? Topic,
    string? RequestedBy)
{
    public static MessageView From(Delivery delivery) => new(
        delivery.Id,
        delivery.AccountId,
        delivery.Status.ToName(),
        delivery.Attempts,
        delivery.CreatedAt,
        delivery.SentAt,
        delivery.LastError,
        delivery.ScheduleId,
        delivery.FireTime,
        delivery.Topic,
        delivery.RequestedBy);
}

/// <summary>The answer to <c>POST /api/messages</c>.</summary>
public sealed record MessageAccepted(long Id, string Status);

/// <summary>A page of deliveries, newest first; <see cref="NextCursor"/> fetches the next page.</summary>
public sealed record MessageList(IReadOnlyList<MessageView> Items, long? NextCursor);
