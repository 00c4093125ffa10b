using System.Security.Cryptography;
using System.Text;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Integrations;

/// <summary>What became of an integration's message: queued (or replayed, or refused) by the intake, or not valid.</summary>
public sealed record IntegrationOutcome(IntakeResult? Result, IDictionary<string, string[]>? Errors, string? TemplateJson);

/// <summary>
/// Every integration's way into the outbox: rendered by <see cref="IntegrationRenderer"/>, then queued by the same
/// <see cref="DeliveryIntake"/> as <c>POST /api/messages</c>, with the topic, the page and the redirects in its transaction.
/// </summary>
public sealed class IntegrationIntake(IntegrationRenderer renderer, DeliveryIntake intake)
{
    /// <param name="dedupeKey">Delivered once per key within <paramref name="dedupeWindow"/> (an idempotency record).</param>
    public async Task<IntegrationOutcome> EnqueueAsync(
        IntegrationMessage message, long? accountId, IntakeRequester? requester, string? dedupeKey, TimeSpan? dedupeWindow,
        CancellationToken cancellationToken)
    {
        var rendering = renderer.Render(message);
        if (!rendering.Template.IsValid)
        {
            return new IntegrationOutcome(null, rendering.Template.Errors, null);
        }

        var json = rendering.Template.TemplateJson!;
        // The template holds fresh tokens each time, so "the same request" is the dedupe key itself.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey ?? json)));
        var extras = new DeliveryExtras(message.Topic, rendering.Page, rendering.Redirects, dedupeWindow);
        var result = await intake.EnqueueAsync(accountId, json, dedupeKey, hash, cancellationToken, requester: requester, extras: extras);
        return new IntegrationOutcome(result, null, json);
    }
}
