using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.ApiKeys;
using Notifier.Api.Problems;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Messages;

namespace Notifier.Api.Messages;

/// <summary>The REST trigger (<c>POST /api/messages</c>) and the delivery log.</summary>
internal static class MessagesApi
{
    public static RouteGroupBuilder MapMessages(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapApiGroup("/api/messages", "Messages");
        api.MapPost("/", SendAsync)
            .WithStrictJsonBody<SendMessageRequest>()
            .AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/{id:long}", GetAsync);
        api.MapGet("/", ListAsync);
        return api;
    }

    private static async Task<Results<Accepted<MessageAccepted>, ProblemHttpResult, ValidationProblem>> SendAsync(
        StrictJson<SendMessageRequest> request,
        HttpRequest http,
        ClaimsPrincipal user,
        MessageTemplateBuilder templates,
        DeliveryIntake intake,
        CancellationToken cancellationToken)
    {
        if (!IdempotencyKeyHeader.TryRead(http, out var idempotencyKey, out var keyProblem))
        {
            return keyProblem;
        }

        var body = request.Value;
        var caller = ApiCaller.From(user);
        if (body.AccountId is { } asked && !caller.MayActOn(asked))
        {
            return ApiGroup.NotFound("account", asked);
        }

        // An owner key acts on its own account without being told.
        var accountId = body.AccountId ?? caller.AccountId;
        var message = templates.Build(body);
        if (!message.IsValid)
        {
            return TypedResults.ValidationProblem(message.Errors, title: "The message is not valid");
        }

        var result = await intake.EnqueueAsync(
            accountId, message.TemplateJson!, idempotencyKey, RequestHash(accountId, message.TemplateJson!), cancellationToken, requester: caller.Requester());
        return result.TryAccept(http.HttpContext.Response, out var accepted, out var refused) ? accepted : refused;
    }

    /// <summary>What makes two requests "the same message": the account asked for and the template it renders to.</summary>
    private static string RequestHash(long? accountId, string templateJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId}\n{templateJson}")));

    private static async Task<Results<Ok<MessageView>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user, NotifierDbContext db, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return delivery is null || !ApiCaller.From(user).MayActOn(delivery.AccountId)
            ? ApiGroup.NotFound("message", id)
            : TypedResults.Ok(MessageView.From(delivery));
    }

    private static async Task<Results<Ok<MessageList>, ProblemHttpResult>> ListAsync(
        [AsParameters] MessageListQuery query, ClaimsPrincipal user, NotifierDbContext db, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (query.AccountId is { } asked && !caller.MayActOn(asked))
        {
            return ApiGroup.NotFound("account", asked);
        }

        DeliveryStatus parsed = default;
        if (query.Status is not null && !DeliveryStatusNames.TryParse(query.Status, out parsed))
        {
            return BadQuery("status", "must be one of queued, sending, sent, failed, unknown, skipped");
        }

        if (query.Limit is < 1 or > 200)
        {
            return BadQuery("limit", "must be between 1 and 200");
        }

        if (query.Topic is not null && !Core.Integrations.TopicNames.IsValid(query.Topic))
        {
            return BadQuery("topic", $"must be {Core.Integrations.TopicNames.Rule}");
        }

        var filter = new DeliveryLogFilter(query.AccountId ?? caller.AccountId, query.Status is null ? null : parsed, query.ScheduleId, query.Since, query.Topic);
        var page = await DeliveryLog.PageAsync(db, filter, query.Cursor, query.Limit ?? 50, cancellationToken);
        return TypedResults.Ok(new MessageList(page.Items.Select(MessageView.From).ToList(), page.NextCursor));
    }

    private static ProblemHttpResult BadQuery(string parameter, string problem) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "The query is not valid", detail: $"'{parameter}' {problem}.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [parameter] = [problem] } });
}
