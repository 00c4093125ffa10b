using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.Pages;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using static Notifier.Api.OwnerPages.OwnerPage;

namespace Notifier.Api.OwnerPages;

/// <summary>The owner's delivery log: newest first, filtered by status or schedule, paged by id.</summary>
internal static class DeliveryPages
{
    public const int PageSize = 25;

    public static IEndpointRouteBuilder MapDeliveryPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapOwnerGroup("/deliveries");
        pages.MapGet("/", LogAsync);
        pages.MapGet("/{id:long}", DetailAsync);
        return routes;
    }

    private static async Task<IResult> LogAsync(
        ClaimsPrincipal user, NotifierDbContext db, string? status, long? scheduleId, string? topic, long? cursor, string? done, CancellationToken cancellationToken)
    {
        var owner = Owner(user);
        var filter = DeliveryStatusNames.TryParse(status, out var parsed) ? parsed : (DeliveryStatus?)null;
        topic = Core.Integrations.TopicNames.IsValid(topic?.Trim()) ? topic!.Trim() : null;
        var page = await DeliveryLog.PageAsync(db, new DeliveryLogFilter(owner, filter, scheduleId, Topic: topic), cursor, PageSize, cancellationToken);
        var names = await ScheduleNamesAsync(db, owner, cancellationToken);
        var zone = await OwnerTimeZoneAsync(db, owner, cancellationToken);
        var rows = page.Items.Select(d => DeliveryRow.From(d, names, zone)).ToList();
        return Render<DeliveriesPage>(new
        {
            Rows = rows,
            Status = filter?.ToName(),
            ScheduleId = scheduleId,
            Topic = topic,
            NextCursor = page.NextCursor,
            Zone = zone,
            Notice = done == "queued" ? "Queued: it is sent in a moment (reload to see)." : null,
        });
    }

    private static async Task<IResult> DetailAsync(long id, ClaimsPrincipal user, NotifierDbContext db, CancellationToken cancellationToken)
    {
        var owner = Owner(user);
        var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.AccountId == owner, cancellationToken);
        return delivery is null
            ? NotFound("delivery")
            : Render<DeliveryPage>(new
            {
                Row = DeliveryRow.From(delivery, await ScheduleNamesAsync(db, owner, cancellationToken), await OwnerTimeZoneAsync(db, owner, cancellationToken)),
            });
    }

    private static async Task<IReadOnlyDictionary<long, string>> ScheduleNamesAsync(NotifierDbContext db, long owner, CancellationToken cancellationToken) =>
        await db.Schedules.AsNoTracking().Where(s => s.AccountId == owner).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
}
