using System.ComponentModel.DataAnnotations;

namespace Notifier.Worker;

/// <summary>The Worker host's own settings (section <c>Worker</c>).</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Touched while the Worker can reach its database; the container healthcheck reads its age.</summary>
    [Required]
    public string HealthFile { get; set; } = Path.Combine(Path.GetTempPath(), "notifier-worker.health");

    [Range(1, 300)]
    public int HealthIntervalSeconds { get; set; } = 15;

    /// <summary>How long a stopping Worker may take to finish or release what it holds.</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
