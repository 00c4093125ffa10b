namespace Notifier.Core.Data.Dialects;

/// <summary>One delivery of a group insert (<see cref="DatabaseDialect.InsertQueuedAsync"/>), its account already resolved.</summary>
public sealed record QueuedRow(long AccountId, string TemplateJson, long? ScheduleId, DateTime? FireTime, string? Topic, string? RequestedBy);

/// <summary>A delivery a group insert stored: its new id and its account.</summary>
public sealed record InsertedDelivery(long Id, long AccountId);
