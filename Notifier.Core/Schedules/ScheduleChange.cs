namespace Notifier.Core.Schedules;

/// <summary>What became of a request to create, change or delete a schedule.</summary>
public abstract record ScheduleChange
{
    public sealed record Saved(Schedule Schedule, CronSchedule Cron) : ScheduleChange;

    /// <summary>Errors by field (<c>cron</c>, <c>timeZone</c>, <c>message.card.title</c>, ...).</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : ScheduleChange;

    /// <summary>An earlier creation with the same Idempotency-Key and the same request made this schedule.</summary>
    public sealed record Replayed(Schedule Schedule) : ScheduleChange;

    /// <summary>The Idempotency-Key created another schedule before (the request differed).</summary>
    public sealed record KeyReused : ScheduleChange;

    public sealed record Deleted : ScheduleChange;

    public sealed record NotFound : ScheduleChange;

    /// <summary>A limit of this Notifier (named by its <paramref name="Setting"/>) keeps the schedule from being added.</summary>
    public sealed record LimitReached(string Setting, int Limit, string Detail) : ScheduleChange;

    /// <summary>No account to attach it to (none given and not exactly one connected, or an unknown id).</summary>
    public sealed record NoAccount(string Why) : ScheduleChange;
}
