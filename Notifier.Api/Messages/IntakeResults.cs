using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Core.Deliveries;

namespace Notifier.Api.Messages;

/// <summary>The one mapping from what the intake did to what the caller sees, for the API and the owner pages.</summary>
internal static class IntakeResults
{
    /// <summary>
    /// What a full queue's 429 asks a caller to wait: long enough not to hammer, short enough to notice the queue
    /// draining (an account's queue drains at most <c>Dispatch:DailyCap</c> a day, so there is no sooner "certain" time).
    /// </summary>
    public const int QueueFullRetryAfterSeconds = 60;

    /// <summary>202 with the message's address, or the problem that kept it from being queued (with its headers on <paramref name="response"/>).</summary>
    public static Results<Accepted<MessageAccepted>, ProblemHttpResult> ToHttpResult(this IntakeResult result, HttpResponse response) =>
        result.TryAccept(response, out var accepted, out var refused) ? accepted : refused;

    /// <summary>True with the 202 when the message is queued (now or by an earlier request with the same key), else false with the problem.</summary>
    public static bool TryAccept(
        this IntakeResult result, HttpResponse response, [NotNullWhen(true)] out Accepted<MessageAccepted>? accepted, [NotNullWhen(false)] out ProblemHttpResult? refused)
    {
        if (result is IntakeResult.QueueFull)
        {
            response.Headers.RetryAfter = QueueFullRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var delivery = result switch
        {
            IntakeResult.Accepted a => a.Delivery,
            IntakeResult.Replayed r => r.Delivery,
            _ => null,
        };
        accepted = delivery is null ? null : Accepted(delivery);
        refused = delivery is null ? Problem(result) : null;
        return delivery is not null;
    }

    /// <summary>The problem a refused intake answers with.</summary>
    public static ProblemHttpResult Problem(IntakeResult refused)
    {
        var (status, title, detail) = Refusal(refused);
        var extensions = refused is IntakeResult.QueueFull full
            ? new Dictionary<string, object?> { ["limit"] = "Dispatch:MaxQueuedPerAccount", ["max"] = full.Max, ["retryAfterSeconds"] = QueueFullRetryAfterSeconds }
            : null;
        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    /// <summary>Why a message was not queued, in words a person can act on, with the HTTP status that says it.</summary>
    public static (int Status, string Title, string Detail) Refusal(IntakeResult refused) => refused switch
    {
        IntakeResult.KeyReused => (StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another message",
            "This Idempotency-Key came before with a different body. Use a new key for a new message."),
        IntakeResult.KeyInFlight => (StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still being processed",
            "Retry in a moment: it then answers as the first request did."),
        IntakeResult.NoAccount none => (StatusCodes.Status400BadRequest, "No account to send to", none.Why),
        IntakeResult.QueueFull full => (StatusCodes.Status429TooManyRequests, "Too many messages waiting for this account",
            $"Account {full.AccountId} already has {full.Max} messages waiting to be sent, the most this Notifier allows (Dispatch:MaxQueuedPerAccount). " +
            "Nothing was stored: send it again once some have gone out."),
        IntakeResult.AccountInactive inactive => (StatusCodes.Status409Conflict, "The account cannot receive messages",
            $"Account {inactive.AccountId} is {inactive.Status}: its owner must connect KakaoTalk again on Notifier's home page."),
        IntakeResult.NotStored => (StatusCodes.Status500InternalServerError, "The message could not be stored",
            "Storing it failed twice, so it was not accepted. Send it again; with the same Idempotency-Key a retry never queues it twice."),
        _ => throw new InvalidOperationException($"{refused} is not a refusal."),
    };

    private static Accepted<MessageAccepted> Accepted(Delivery delivery) =>
        TypedResults.Accepted($"/api/messages/{delivery.Id}", new MessageAccepted(delivery.Id, delivery.Status.ToName()));
}
