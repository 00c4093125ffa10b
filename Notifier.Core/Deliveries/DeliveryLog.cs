using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>What a reader of the delivery log narrows it to; null means "any".</summary>
public sealed record DeliveryLogFilter(long? AccountId = null, DeliveryStatus? Status = null, long? ScheduleId = null, DateTime? Since = null, string? Topic = null);

/// <summary>A page of the delivery log, and the cursor of the next one (null on the last page).</summary>
public sealed record DeliveryLogPage(IReadOnlyList<Delivery> Items, long? NextCursor);

/// <summary>
/// The delivery log, newest first, paged by id (keyset paging: a page is "ids below the cursor", so rows arriving
/// meanwhile never shift a page). The API's <c>GET /api/messages</c> and the owner's <c>/deliveries</c> page both read it.
/// </summary>
public static class DeliveryLog
{
    public static async Task<DeliveryLogPage> PageAsync(NotifierDbContext db, DeliveryLogFilter filter, long? cursor, int size, CancellationToken cancellationToken)
    {
        var query = db.Deliveries.AsNoTracking();
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(d => d.AccountId == accountId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.ScheduleId is { } scheduleId)
        {
            query = query.Where(d => d.ScheduleId == scheduleId);
        }

        if (filter.Topic is { } topic)
        {
            query = query.Where(d => d.Topic == topic);
        }

        if (filter.Since is { } since)
        {
            var from = since.Kind == DateTimeKind.Local ? since.ToUniversalTime() : since;
            query = query.Where(d => d.CreatedAt >= from);
        }

        if (cursor is not null)
        {
            query = query.Where(d => d.Id < cursor);
        }

        // One row more than the page tells whether another page follows.
        var rows = await query.OrderByDescending(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = rows.Take(size).ToList();
        return new DeliveryLogPage(items, rows.Count > size ? items[^1].Id : null);
    }
}
