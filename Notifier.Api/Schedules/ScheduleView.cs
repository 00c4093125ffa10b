using Notifier.Core.Messages;
using Notifier.Core.Schedules;

namespace Notifier.Api.Schedules;

/// <summary>What the API shows of a schedule, with its next fire times in its own zone.</summary>
public sealed record ScheduleView(
    long Id,
    long AccountId,
    string Name,
    string Cron,
    string TimeZone,
    MessageContent? Message,
    bool Enabled,
    IReadOnlyList<DateTimeOffset> NextFireTimes,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public const int FireTimesShown = 5;

    public static ScheduleView From(Schedule schedule, DateTime nowUtc)
    {
        var cron = CronSchedule.TryParse(schedule.Cron, schedule.TimeZone, nowUtc, out _, out _);
        return new(
            schedule.Id,
            schedule.AccountId,
            schedule.Name,
            schedule.Cron,
            schedule.TimeZone,
            ScheduleService.MessageOf(schedule),
            schedule.Enabled,
            schedule.Enabled && cron is not null ? cron.Next(nowUtc, FireTimesShown) : [],
            schedule.CreatedAt,
            schedule.UpdatedAt);
    }
}
