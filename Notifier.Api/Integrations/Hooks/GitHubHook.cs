using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Notifier.Api.Problems;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Integrations;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>
/// <c>POST /hooks/github/{topic}</c>: GitHub's webhook, authenticated by its <c>X-Hub-Signature-256</c> under the secret
/// set for the topic on <c>/topics</c> (GitHub sends no other credentials), and delivered to the account owning the topic.
/// A bad signature is 401 and nothing is stored; events Notifier does not show are 200 and nothing is sent.
/// </summary>
internal static class GitHubHook
{
    public static async Task<IResult> ReceiveAsync(
        string topic, HttpRequest request, NotifierDbContext db, TopicSecrets secrets, IntegrationPublisher publisher, CancellationToken cancellationToken)
    {
        if (publisher.CheckTopic(topic) is { } badTopic)
        {
            return badTopic;
        }

        var route = await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Name == topic, cancellationToken);
        if (route?.GitHubSecretCipher is not { } cipher)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No GitHub webhook on this topic",
                detail: $"Topic '{topic}' has no GitHub webhook secret: sign in, open /topics, and set one for '{topic}' (the same as in GitHub's webhook settings).");
        }

        var (bytes, tooLarge) = await RequestBytes.ReadAsync(request, HookBody.MaxBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (!GitHubSignature.IsValid(secrets.Unprotect(cipher), bytes!, request.Headers[GitHubSignature.Header]))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signature is not valid",
                detail: $"{GitHubSignature.Header} must be the HMAC-SHA256 of the body under the secret set for this topic on /topics.");
        }

        var gitHubEvent = request.Headers["X-GitHub-Event"].ToString();
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return HookBody.Malformed("GitHub's webhook payload (JSON)");
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return HookBody.Malformed("GitHub's webhook payload (a JSON object)");
        }

        if (gitHubEvent == "ping")
        {
            return TypedResults.Ok(new GitHubAnswer("pong", null));
        }

        IntegrationMessage? message;
        try
        {
            message = GitHubEvents.Render(topic, gitHubEvent, json);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            return HookBody.Malformed($"GitHub's '{gitHubEvent}' payload with the fields GitHub documents for it");
        }

        if (message is null)
        {
            return TypedResults.Ok(new GitHubAnswer("ignored", null));
        }

        var (delivery, refusal) = await publisher.PublishToAsync(message, route.AccountId, new IntakeRequester("github", "github"), cancellationToken);
        return refusal ?? TypedResults.Ok(new GitHubAnswer("queued", delivery!.Id));
    }
}

/// <summary>What the GitHub webhook did: <c>pong</c>, <c>ignored</c>, or <c>queued</c> with the delivery.</summary>
public sealed record GitHubAnswer(string Result, long? Id);
