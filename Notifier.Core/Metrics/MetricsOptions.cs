using System.ComponentModel.DataAnnotations;

namespace Notifier.Core.Metrics;

/// <summary>Prometheus metrics (section <c>Metrics</c>): the Api's <c>/metrics</c> and each Worker's own listener.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string SectionName = "Metrics";

    /// <summary>Off: the Api maps no <c>/metrics</c> (404) and no Worker listens, whatever <see cref="WorkerPort"/> says.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When set, a Worker serves its own process metrics on <c>http://*:{port}/metrics</c>.</summary>
    [Range(1, 65535)]
    public int? WorkerPort { get; set; }

    /// <summary>When set, the Api's <c>/metrics</c> answers only <c>Authorization: Bearer {key}</c> (401 otherwise).</summary>
    public string? ScrapeKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ScrapeKey is { } key && key.Trim().Length < 16)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(ScrapeKey)} must be at least 16 characters when set.", [nameof(ScrapeKey)]);
        }
    }
}
