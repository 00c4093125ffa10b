using System.ComponentModel.DataAnnotations;

namespace Notifier.Core.Schedules;

/// <summary>Settings of scheduled sends and of the jobs that run them (section <c>Schedules</c>).</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Schedules";

    /// <summary>Runs the jobs (materializing schedules, token upkeep, housekeeping) in this process; the default depends on the host.</summary>
    public bool? JobsEnabled { get; set; }

    /// <summary>A fire missed by at most this much (all Workers were down) is still sent, late, once; older ones are skipped.</summary>
    [Range(0, 7 * 24 * 60)]
    public int CatchUpWindowMinutes { get; set; } = 60;

    /// <summary>How often a node looks for schedules about to fire.</summary>
    [Range(1, 300)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>Fires this close are turned into deliveries ahead, due at their fire time, so they go out on the second.</summary>
    [Range(0, 600)]
    public int LookaheadSeconds { get; set; } = 60;

    /// <summary>How many schedules one pass handles in one transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// The least time between two fires of one schedule, checked over the schedule's next
    /// <see cref="CronSchedule.IntervalCheckFires"/> fires when it is created, changed or enabled.
    /// </summary>
    [Range(1, 86_400)]
    public int MinimumIntervalSeconds { get; set; } = 60;

    /// <summary>How many schedules one account may have (enabled or not).</summary>
    [Range(1, 100_000)]
    public int MaxPerAccount { get; set; } = 50;

    /// <summary>Idempotency keys are kept at least this long.</summary>
    [Range(24, 24 * 30)]
    public int IdempotencyKeyHours { get; set; } = 25;
}
