using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.ApiKeys;
using Notifier.Api.Messages;
using Notifier.Api.Problems;
using Notifier.Core.Deliveries;
using Notifier.Core.Schedules;

namespace Notifier.Api.Schedules;

/// <summary>Schedules: "send this message on this cron, in this zone".</summary>
internal static class SchedulesApi
{
    public static RouteGroupBuilder MapSchedules(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/schedules", "Schedules");
        api.MapPost("/", CreateAsync).WithStrictJsonBody<ScheduleDraft>();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPut("/{id:long}", ReplaceAsync).WithStrictJsonBody<ScheduleDraft>();
        api.MapDelete("/{id:long}", DeleteAsync);
        api.MapPost("/{id:long}/trigger", TriggerAsync);
        return api;
    }

    private static async Task<Results<Created<ScheduleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        StrictJson<ScheduleDraft> draft, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (draft.Value.AccountId is { } asked && !caller.MayActOn(asked))
        {
            return ApiGroup.NotFound("account", asked);
        }

        // An owner key's schedule is for its own account without being told.
        return await schedules.CreateAsync(draft.Value with { AccountId = draft.Value.AccountId ?? caller.AccountId }, cancellationToken) switch
        {
            ScheduleChange.Saved saved => TypedResults.Created($"/api/schedules/{saved.Schedule.Id}", ScheduleView.From(saved.Schedule, time.GetUtcNow().UtcDateTime)),
            ScheduleChange.Invalid invalid => Invalid(invalid),
            var refused => Refusal(refused, 0),
        };
    }

    private static async Task<Results<Ok<List<ScheduleView>>, ProblemHttpResult>> ListAsync(
        long? accountId, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (accountId is { } asked && !caller.MayActOn(asked))
        {
            return ApiGroup.NotFound("account", asked);
        }

        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok((await schedules.ListAsync(accountId ?? caller.AccountId, cancellationToken)).Select(s => ScheduleView.From(s, now)).ToList());
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken) =>
        await schedules.FindAsync(id, ApiCaller.From(user).AccountId, cancellationToken) is { } schedule
            ? TypedResults.Ok(ScheduleView.From(schedule, time.GetUtcNow().UtcDateTime))
            : NotFound(id);

    private static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        long id, StrictJson<ScheduleDraft> draft, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (draft.Value.AccountId is { } asked && !caller.MayActOn(asked))
        {
            return ApiGroup.NotFound("account", asked);
        }

        return await schedules.ReplaceAsync(id, caller.AccountId, draft.Value, cancellationToken) switch
        {
            ScheduleChange.Saved saved => TypedResults.Ok(ScheduleView.From(saved.Schedule, time.GetUtcNow().UtcDateTime)),
            ScheduleChange.Invalid invalid => Invalid(invalid),
            var refused => Refusal(refused, id),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, ClaimsPrincipal user, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.DeleteAsync(id, ApiCaller.From(user).AccountId, cancellationToken) is ScheduleChange.Deleted ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Accepted<MessageAccepted>, ProblemHttpResult>> TriggerAsync(
        long id, ClaimsPrincipal user, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.TriggerAsync(id, ApiCaller.From(user).AccountId, cancellationToken, ApiCaller.From(user).Requester()) is { } result ? result.ToHttpResult() : NotFound(id);

    private static ValidationProblem Invalid(ScheduleChange.Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Errors, title: "The schedule is not valid");

    private static ProblemHttpResult Refusal(ScheduleChange change, long id) => change is ScheduleChange.NoAccount none
        ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No account for the schedule", detail: none.Why)
        : NotFound(id);

    private static ProblemHttpResult NotFound(long id) => ApiGroup.NotFound("schedule", id);
}
