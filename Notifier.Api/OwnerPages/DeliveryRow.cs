using Notifier.Core.Deliveries;

namespace Notifier.Api.OwnerPages;

/// <summary>One line of the owner's delivery log: never the template's tokens, only what happened; times read in <see cref="Zone"/>.</summary>
public sealed record DeliveryRow(
    long Id,
    string Status,
    int Attempts,
    DateTime CreatedAt,
    DateTime? SentAt,
    long? ScheduleId,
    string? ScheduleName,
    DateTime? FireTime,
    string? LastError,
    string? RequestedBy,
    string? Topic,
    TimeZoneInfo Zone)
{
    public static DeliveryRow From(Delivery delivery, IReadOnlyDictionary<long, string> scheduleNames, TimeZoneInfo zone) => new(
        delivery.Id,
        delivery.Status.ToName(),
        delivery.Attempts,
        delivery.CreatedAt,
        delivery.SentAt,
        delivery.ScheduleId,
        delivery.ScheduleId is { } id ? scheduleNames.GetValueOrDefault(id) : null,
        delivery.FireTime,
        delivery.LastError,
        delivery.RequestedBy,
        delivery.Topic,
        zone);
}
