namespace Notifier.Api.Integrations.Hooks;

/// <summary>Grafana's webhook contact point payload (Grafana Alerting); unknown fields are ignored.</summary>
public sealed record GrafanaPayload
{
    public string? Title { get; init; }

    public string? State { get; init; }

    public string? Status { get; init; }

    public string? Message { get; init; }

    public string? ExternalURL { get; init; }

    public List<AlertmanagerAlert>? Alerts { get; init; }
}
