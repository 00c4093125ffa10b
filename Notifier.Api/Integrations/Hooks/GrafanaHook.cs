using System.Security.Claims;
using Notifier.Core.Integrations;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>
/// <c>POST /hooks/grafana/{topic}</c>: Grafana's webhook contact point. The card links to the first alert's panel, else
/// its dashboard, else its rule (generator); its image is the alert's <c>imageURL</c>; "Silence" opens the silence page.
/// </summary>
internal static class GrafanaHook
{
    public static async Task<IResult> ReceiveAsync(
        string topic, HttpRequest request, ClaimsPrincipal user, IntegrationPublisher publisher, CancellationToken cancellationToken)
    {
        var (payload, problem) = await HookBody.ReadAsync<GrafanaPayload>(request, publisher, topic, "Grafana's webhook contact point payload", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var alerts = payload!.Alerts ?? [];
        if (string.IsNullOrWhiteSpace(payload.Title) && alerts.Count == 0)
        {
            return HookBody.Malformed("Grafana's webhook contact point payload, with 'title' or at least one alert");
        }

        var first = alerts.FirstOrDefault();
        var link = First(first?.PanelURL, first?.DashboardURL, first?.GeneratorURL, payload.ExternalURL);
        var buttons = new List<IntegrationButton>();
        if (link is not null)
        {
            buttons.Add(new IntegrationButton("Open", link));
        }

        if (First(first?.SilenceURL) is { } silence)
        {
            buttons.Add(new IntegrationButton("Silence", silence));
        }

        var status = payload.Status ?? (payload.State is "ok" ? "resolved" : "firing");
        var (delivery, refusal) = await publisher.PublishAsync(user, topic, zone => new IntegrationMessage
        {
            Topic = topic,
            RequestedBy = "grafana",
            Title = $"{AlertText.StatusEmoji(status)} {payload.Title?.Trim() ?? AlertText.Label(first?.Labels, "alertname") ?? "Grafana alert"}",
            Body = string.IsNullOrWhiteSpace(payload.Message) ? AlertText.Describe(alerts, null, zone) : payload.Message.Trim(),
            Click = link,
            ImageUrl = First(first?.ImageURL),
            Buttons = buttons,
        }, cancellationToken);
        return refusal ?? TypedResults.Ok(HookAccepted.From(delivery!));
    }

    private static string? First(params string?[] urls) => urls.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u))?.Trim();
}
