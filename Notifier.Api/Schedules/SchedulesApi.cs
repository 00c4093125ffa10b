using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
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
        api.MapPost("/", CreateAsync).WithStrictJsonBody<ScheduleDraft>().AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPut("/{id:long}", ReplaceAsync).WithStrictJsonBody<ScheduleDraft>();
        api.MapDelete("/{id:long}", DeleteAsync);
        api.MapPost("/{id:long}/trigger", TriggerAsync).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Results<Created<ScheduleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        StrictJson<ScheduleDraft> draft, HttpRequest http, ClaimsPrincipal user, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeyHeader.TryRead(http, out var idempotencyKey, out var keyProblem))
        {
            return keyProblem;
        }

        var caller = ApiCaller.From(user);
        if (draft.Value.AccountId is { } asked && !caller.MayActOn(asked))
        {
            return ApiGroup.NotFound("account", asked);
        }

        // An owner key's schedule is for its own account without being told.
        var asking = draft.Value with { AccountId = draft.Value.AccountId ?? caller.AccountId };
        var key = idempotencyKey is null ? null : new CreationKey(caller.Scope(), idempotencyKey, RequestHash(asking));
        return await schedules.CreateAsync(asking, key, cancellationToken) switch
        {
            ScheduleChange.Saved saved => Created(saved.Schedule, time),
            ScheduleChange.Replayed replayed => Created(replayed.Schedule, time),
            ScheduleChange.Invalid invalid => Invalid(invalid),
            var refused => Refusal(refused, 0),
        };
    }

    private static Created<ScheduleView> Created(Schedule schedule, TimeProvider time) =>
        TypedResults.Created($"/api/schedules/{schedule.Id}", ScheduleView.From(schedule, time.GetUtcNow().UtcDateTime));

    /// <summary>What makes two creations "the same schedule": the draft as it was asked for, with the account it is for.</summary>
    private static string RequestHash(ScheduleDraft draft) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(draft, JsonBody.Options)));

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
        long id, ClaimsPrincipal user, ScheduleService schedules, HttpResponse response, CancellationToken cancellationToken) =>
        await schedules.TriggerAsync(id, ApiCaller.From(user).AccountId, cancellationToken, ApiCaller.From(user).Requester()) is { } result ? result.ToHttpResult(response) : NotFound(id);

    private static ValidationProblem Invalid(ScheduleChange.Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Errors, title: "The schedule is not valid");

    private static ProblemHttpResult Refusal(ScheduleChange change, long id) => change switch
    {
        ScheduleChange.NoAccount none => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No account for the schedule", detail: none.Why),
        ScheduleChange.KeyReused => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The Idempotency-Key was used for another schedule",
            detail: "This Idempotency-Key created a schedule before from a different request. Use a new key for a new schedule."),
        ScheduleChange.LimitReached limit => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "The account has as many schedules as it may have", detail: limit.Detail,
            extensions: new Dictionary<string, object?> { ["limit"] = limit.Setting, ["max"] = limit.Limit }),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(long id) => ApiGroup.NotFound("schedule", id);
}
