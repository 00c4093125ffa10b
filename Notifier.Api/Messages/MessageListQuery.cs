namespace Notifier.Api.Messages;

/// <summary>The query of <c>GET /api/messages</c>: filters, page size and the cursor of the page to read.</summary>
internal sealed record MessageListQuery(long? AccountId, string? Status, DateTime? Since, int? Limit, long? Cursor, long? ScheduleId, string? Topic);
