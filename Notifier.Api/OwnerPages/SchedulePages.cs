using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Notifier.Api.Pages;
using Notifier.Api.Schedules;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;
using static Notifier.Api.OwnerPages.OwnerPage;

namespace Notifier.Api.OwnerPages;

/// <summary>The owner's schedules: list and create, edit, enable or disable, send now, delete.</summary>
internal static class SchedulePages
{
    public static IEndpointRouteBuilder MapSchedulePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapOwnerGroup("/schedules");
        pages.MapGet("/", ListAsync);
        pages.MapPost("/", CreateAsync);
        pages.MapGet("/{id:long}", EditAsync);
        pages.MapPost("/{id:long}", SaveAsync);
        pages.MapPost("/{id:long}/enabled", SetEnabledAsync);
        pages.MapPost("/{id:long}/send", SendNowAsync);
        pages.MapPost("/{id:long}/delete", DeleteAsync);
        return routes;
    }

    private static Task<IResult> ListAsync(ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, string? done, CancellationToken cancellationToken) =>
        ListPageAsync(user, schedules, time, new ScheduleForm(), new Dictionary<string, string[]>(), NoticeFor(done), cancellationToken);

    private static async Task<IResult> CreateAsync(
        [FromForm] ScheduleForm form, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        var change = await schedules.CreateAsync(form.ToDraft(Owner(user)), cancellationToken);
        return change switch
        {
            ScheduleChange.Saved saved => SeeOther($"/schedules?done=created#schedule-{saved.Schedule.Id}"),
            _ => await ListPageAsync(user, schedules, time, form, ErrorsOf(change), null, cancellationToken),
        };
    }

    private static async Task<IResult> EditAsync(long id, string? done, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await schedules.FindAsync(id, Owner(user), cancellationToken) is not { } schedule)
        {
            return NotFound("schedule");
        }

        var view = ScheduleView.From(schedule, time.GetUtcNow().UtcDateTime);
        return EditPage(view, ScheduleForm.From(view), new Dictionary<string, string[]>(), NoticeFor(done));
    }

    private static async Task<IResult> SaveAsync(
        long id, [FromForm] ScheduleForm form, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await schedules.FindAsync(id, Owner(user), cancellationToken) is not { } current)
        {
            return NotFound("schedule");
        }

        var draft = form.ToDraft(Owner(user), ScheduleService.MessageOf(current), current.Enabled);
        var change = await schedules.ReplaceAsync(id, Owner(user), draft, cancellationToken);
        return change switch
        {
            ScheduleChange.Saved => SeeOther($"/schedules/{id}?done=saved"),
            ScheduleChange.NotFound => NotFound("schedule"),
            _ => EditPage(ScheduleView.From(current, time.GetUtcNow().UtcDateTime), form, ErrorsOf(change), null),
        };
    }

    private static async Task<IResult> SetEnabledAsync(long id, [FromForm] bool enabled, ClaimsPrincipal user, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.SetEnabledAsync(id, Owner(user), enabled, cancellationToken) switch
        {
            ScheduleChange.Saved => SeeOther($"/schedules?done={(enabled ? "enabled" : "disabled")}#schedule-{id}"),
            ScheduleChange.NotFound => NotFound("schedule"),
            var refused => Render<MessagePage>(new { Title = "Not changed", Message = string.Join(" ", ErrorsOf(refused).SelectMany(e => e.Value)) }, StatusCodes.Status400BadRequest),
        };

    private static async Task<IResult> SendNowAsync(long id, IFormCollection form, ClaimsPrincipal user, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.TriggerAsync(id, Owner(user), cancellationToken) switch
        {
            null => NotFound("schedule"),
            IntakeResult.Accepted accepted => SeeOther($"/deliveries?done=queued#delivery-{accepted.Delivery.Id}"),
            var refused => NotSent(refused),
        };

    private static async Task<IResult> DeleteAsync(long id, IFormCollection form, ClaimsPrincipal user, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.DeleteAsync(id, Owner(user), cancellationToken) is ScheduleChange.Deleted
            ? SeeOther("/schedules?done=deleted")
            : NotFound("schedule");

    private static async Task<IResult> ListPageAsync(
        ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, ScheduleForm form, IDictionary<string, string[]> errors, string? notice,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var views = (await schedules.ListAsync(Owner(user), cancellationToken)).Select(s => ScheduleView.From(s, now)).ToList();
        return Render<SchedulesPage>(new { Schedules = views, Form = form, Errors = errors, Notice = notice },
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static IResult EditPage(ScheduleView view, ScheduleForm form, IDictionary<string, string[]> errors, string? notice) =>
        Render<ScheduleEditPage>(new { Schedule = view, Form = form, Errors = errors, Notice = notice },
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    private static IDictionary<string, string[]> ErrorsOf(ScheduleChange change) => change switch
    {
        ScheduleChange.Invalid invalid => invalid.Errors,
        ScheduleChange.NoAccount none => new Dictionary<string, string[]> { ["accountId"] = [none.Why] },
        ScheduleChange.LimitReached limit => new Dictionary<string, string[]> { ["schedules"] = [limit.Detail] },
        _ => new Dictionary<string, string[]> { ["message"] = ["The schedule could not be saved."] },
    };

    private static string? NoticeFor(string? done) => done switch
    {
        "created" => "Schedule created.",
        "saved" => "Changes saved.",
        "enabled" => "Schedule enabled.",
        "disabled" => "Schedule disabled.",
        "deleted" => "Schedule deleted.",
        _ => null,
    };
}
