using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Api.ApiKeys;
using Notifier.Api.Messages;
using Notifier.Core.Deliveries;
using Notifier.Core.Integrations;

namespace Notifier.Api.Integrations;

/// <summary>What every integration endpoint does with its message: check the topic, route it to an account, queue it.</summary>
internal sealed class IntegrationPublisher(IntegrationRouting routing, IntegrationIntake intake, ReservedTopics reserved)
{
    /// <summary>Null when the topic may be published to, else the 400 that says why not.</summary>
    public ProblemHttpResult? CheckTopic(string topic)
    {
        if (!TopicNames.IsValid(topic))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The topic name is not valid",
                detail: $"A topic name is {TopicNames.Rule}.");
        }

        return reserved.Contains(topic)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The topic name is reserved",
                detail: $"'{topic}' is the name of one of Notifier's own routes; choose another topic name.")
            : null;
    }

    /// <summary>The delivery (new, or the earlier one of the same dedupe key), or the problem that kept it from being queued.</summary>
    public Task<(Delivery? Delivery, IResult? Refusal)> PublishAsync(
        ClaimsPrincipal user, IntegrationMessage message, CancellationToken cancellationToken, string? dedupeKey = null, TimeSpan? dedupeWindow = null) =>
        PublishAsync(user, message.Topic, _ => message, cancellationToken, dedupeKey, dedupeWindow);

    /// <summary>
    /// The same for a message that shows times: the account is chosen first, then <paramref name="render"/> writes the
    /// message in that account's zone (the owner's choice on the account page).
    /// </summary>
    public async Task<(Delivery? Delivery, IResult? Refusal)> PublishAsync(
        ClaimsPrincipal user, string topic, Func<TimeZoneInfo, IntegrationMessage> render, CancellationToken cancellationToken,
        string? dedupeKey = null, TimeSpan? dedupeWindow = null)
    {
        if (CheckTopic(topic) is { } bad)
        {
            return (null, bad);
        }

        var caller = ApiCaller.From(user);
        var (accountId, unrouted) = await routing.ResolveAsync(caller, topic, cancellationToken);
        if (unrouted is not null)
        {
            return (null, unrouted);
        }

        var message = render(await routing.ZoneAsync(accountId, cancellationToken));
        return await PublishToAsync(message, accountId, caller.Requester(), cancellationToken, dedupeKey, dedupeWindow);
    }

    /// <summary>The same for a caller that is no API key (a signed webhook): to the account given, asked by <paramref name="requester"/>.</summary>
    public async Task<(Delivery? Delivery, IResult? Refusal)> PublishToAsync(
        IntegrationMessage message, long? accountId, IntakeRequester? requester, CancellationToken cancellationToken,
        string? dedupeKey = null, TimeSpan? dedupeWindow = null)
    {
        var outcome = await intake.EnqueueAsync(message, accountId, requester, dedupeKey, dedupeWindow, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "The message cannot be made into a KakaoTalk memo"));
        }

        return outcome.Result switch
        {
            IntakeResult.Accepted accepted => (accepted.Delivery, null),
            IntakeResult.Replayed replayed => (replayed.Delivery, null),
            var refused => (null, IntakeResults.Problem(refused!)),
        };
    }
}
