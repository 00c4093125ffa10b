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
        var api = routes.MapGroup("/api/schedules").WithTags("Schedules").RequireAuthorization(ApiKeyAuthenticationHandler.PolicyName);
        api.MapPost("/", CreateAsync)
            .Accepts<ScheduleDraft>("application/json")
            .Produces<ScheduleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPut("/{id:long}", ReplaceAsync)
            .Accepts<ScheduleDraft>("application/json")
            .Produces<ScheduleView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:long}", DeleteAsync);
        api.MapPost("/{id:long}/trigger", TriggerAsync);
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        var (draft, _, problem) = await JsonBody.ReadAsync<ScheduleDraft>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var change = await schedules.CreateAsync(draft!, cancellationToken);
        return change is ScheduleChange.Saved saved
            ? TypedResults.Created($"/api/schedules/{saved.Schedule.Id}", ScheduleView.From(saved.Schedule, time.GetUtcNow().UtcDateTime))
            : Refusal(change, 0);
    }

    private static async Task<Ok<List<ScheduleView>>> ListAsync(long? accountId, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok((await schedules.ListAsync(accountId, cancellationToken)).Select(s => ScheduleView.From(s, now)).ToList());
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(long id, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken) =>
        await schedules.FindAsync(id, null, cancellationToken) is { } schedule
            ? TypedResults.Ok(ScheduleView.From(schedule, time.GetUtcNow().UtcDateTime))
            : NotFound(id);

    private static async Task<IResult> ReplaceAsync(long id, HttpRequest request, ScheduleService schedules, TimeProvider time, CancellationToken cancellationToken)
    {
        var (draft, _, problem) = await JsonBody.ReadAsync<ScheduleDraft>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var change = await schedules.ReplaceAsync(id, null, draft!, cancellationToken);
        return change is ScheduleChange.Saved saved ? TypedResults.Ok(ScheduleView.From(saved.Schedule, time.GetUtcNow().UtcDateTime)) : Refusal(change, id);
    }

    private static async Task<IResult> DeleteAsync(long id, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.DeleteAsync(id, null, cancellationToken) is ScheduleChange.Deleted ? TypedResults.NoContent() : NotFound(id);

    private static async Task<IResult> TriggerAsync(long id, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.TriggerAsync(id, null, cancellationToken) switch
        {
            null => NotFound(id),
            var result => result.ToHttpResult(),
        };

    private static IResult Refusal(ScheduleChange change, long id) => change switch
    {
        ScheduleChange.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The schedule is not valid"),
        ScheduleChange.NoAccount none => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No account for the schedule", detail: none.Why),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such schedule", detail: $"There is no schedule {id}.");
}
