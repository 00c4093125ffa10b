namespace Notifier.Api.Integrations.Hooks;

/// <summary>Alertmanager's webhook payload, version 4 (its <c>webhook_config</c> documentation); unknown fields are ignored.</summary>
public sealed record AlertmanagerPayload
{
    public string? Version { get; init; }

    public string? GroupKey { get; init; }

    public string? Status { get; init; }

    public string? Receiver { get; init; }

    public Dictionary<string, string>? GroupLabels { get; init; }

    public Dictionary<string, string>? CommonLabels { get; init; }

    public Dictionary<string, string>? CommonAnnotations { get; init; }

    public string? ExternalURL { get; init; }

    public List<AlertmanagerAlert>? Alerts { get; init; }
}

/// <summary>One alert of a notification (Alertmanager's, and Grafana's with its extra links).</summary>
public sealed record AlertmanagerAlert
{
    public string? Status { get; init; }

    public Dictionary<string, string>? Labels { get; init; }

    public Dictionary<string, string>? Annotations { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public string? GeneratorURL { get; init; }

    public string? Fingerprint { get; init; }

    public string? DashboardURL { get; init; }

    public string? PanelURL { get; init; }

    public string? SilenceURL { get; init; }

    public string? ImageURL { get; init; }

    public Dictionary<string, double?>? Values { get; init; }
}
