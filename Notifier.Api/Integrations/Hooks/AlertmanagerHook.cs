using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifier.Core.Integrations;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>
/// <c>POST /hooks/alertmanager/{topic}</c>: Alertmanager's webhook (payload version 4), one card per notification. The
/// same group key, status and set of alert fingerprints within <see cref="DedupeWindow"/> is delivered once, through an
/// idempotency record in the database, so it holds across Api processes and restarts.
/// </summary>
internal static class AlertmanagerHook
{
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(10);

    public static async Task<IResult> ReceiveAsync(
        string topic, HttpRequest request, ClaimsPrincipal user, IntegrationPublisher publisher, CancellationToken cancellationToken)
    {
        var (payload, problem) = await HookBody.ReadAsync<AlertmanagerPayload>(request, publisher, topic, "Alertmanager's webhook payload", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (payload!.Version != "4" || payload.Alerts is not { Count: > 0 } alerts || payload.Status is not ("firing" or "resolved") || string.IsNullOrEmpty(payload.GroupKey))
        {
            return HookBody.Malformed("Alertmanager's webhook payload version 4, with 'groupKey', 'status' (firing or resolved) and at least one alert");
        }

        var firing = alerts.Count(a => a.Status != "resolved");
        var name = AlertText.Label(payload.GroupLabels, "alertname") ?? AlertText.Label(payload.CommonLabels, "alertname")
            ?? AlertText.Label(alerts[0].Labels, "alertname") ?? payload.Receiver ?? "Alert";
        var title = payload.Status == "resolved"
            ? $"{AlertText.StatusEmoji("resolved")} [RESOLVED] {name}"
            : $"{AlertText.StatusEmoji("firing")} [FIRING:{firing}] {name}";
        var link = alerts.Select(a => a.GeneratorURL).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)) ?? payload.ExternalURL;
        var runbook = AlertText.Label(payload.CommonAnnotations, "runbook_url") ?? alerts.Select(a => AlertText.Label(a.Annotations, "runbook_url")).FirstOrDefault(u => u is not null);
        var buttons = new List<IntegrationButton>();
        if (!string.IsNullOrWhiteSpace(link))
        {
            buttons.Add(new IntegrationButton("Open", link));
        }

        if (runbook is not null)
        {
            buttons.Add(new IntegrationButton("Runbook", runbook));
        }

        var (delivery, refusal) = await publisher.PublishAsync(user, topic, zone => new IntegrationMessage
        {
            Topic = topic,
            RequestedBy = "alertmanager",
            Title = title,
            Body = AlertText.Describe(alerts, payload.CommonAnnotations, zone),
            Click = link,
            Buttons = buttons,
        }, cancellationToken, DedupeKey(topic, payload), DedupeWindow);
        return refusal ?? TypedResults.Ok(HookAccepted.From(delivery!));
    }

    /// <summary>Group key, status and the set of fingerprints (in any order): what makes two notifications "the same".</summary>
    public static string DedupeKey(string topic, AlertmanagerPayload payload)
    {
        var fingerprints = string.Join(',', payload.Alerts!.Select(a => a.Fingerprint ?? JsonSerializer.Serialize(a.Labels)).Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{payload.GroupKey}\n{payload.Status}\n{fingerprints}")));
        return $"alertmanager:{topic}:{hash}";
    }
}

/// <summary>A webhook's answer: the delivery it queued (or the earlier one it repeats).</summary>
public sealed record HookAccepted(long Id, string Status)
{
    public static HookAccepted From(Notifier.Core.Deliveries.Delivery delivery) => new(delivery.Id, Notifier.Core.Deliveries.DeliveryStatusNames.ToName(delivery.Status));
}
