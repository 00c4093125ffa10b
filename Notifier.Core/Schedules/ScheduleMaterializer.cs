using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Schedules;

/// <summary>
/// Turns schedule fires into deliveries. The schedule rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, their fires
/// inserted and <see cref="Schedule.NextFireTime"/> advanced in one transaction, so a fire is materialized once however
/// many nodes run this; the unique (schedule, fire time) key is the backstop. Fires within the lookahead become
/// deliveries due at their fire time; fires missed by more than the catch-up window are recorded as skipped.
/// </summary>
public sealed partial class ScheduleMaterializer(
    NotifierDbContext db,
    TimeProvider time,
    DispatchSignal signal,
    IOptions<ScheduleOptions> options,
    IOptions<DispatchOptions> dispatch,
    ILogger<ScheduleMaterializer> logger)
{
    /// <summary>Skipped fires recorded one by one per schedule and pass; older ones are summed up in the last record.</summary>
    private const int MaxSkippedRecords = 100;

    /// <summary>Handles every schedule that is due; returns how many deliveries it queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var (schedules, queued) = await PassAsync(cancellationToken);
            total += queued;
            if (schedules < options.Value.BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            signal.Notify();
        }

        return total;
    }

    private Task<(int Schedules, int Queued)> PassAsync(CancellationToken cancellationToken)
    {
        return db.InTransactionAsync(async ct =>
        {
            var o = options.Value;
            var now = time.GetUtcNow().UtcDateTime;
            var horizon = now.AddSeconds(o.LookaheadSeconds);
            var catchUpFrom = now.AddMinutes(-o.CatchUpWindowMinutes);
            var due = await db.Dialect.ClaimDueSchedulesAsync(horizon, o.BatchSize, ct);
            var queued = 0;
            var waiting = new Dictionary<long, int>();
            foreach (var schedule in due)
            {
                // Counted once per account and pass; the fires this pass adds are counted as they are added.
                if (!waiting.ContainsKey(schedule.AccountId))
                {
                    waiting[schedule.AccountId] = await QueueDepth.CountAsync(db, schedule.AccountId, dispatch.Value.MaxQueuedPerAccount, ct);
                }

                queued += Materialize(schedule, now, horizon, catchUpFrom, waiting);
            }

            await db.SaveChangesAsync(ct);
            return (due.Count, queued);
        }, cancellationToken);
    }

    private int Materialize(Schedule schedule, DateTime now, DateTime horizon, DateTime catchUpFrom, Dictionary<long, int> waiting)
    {
        // Parsed as of the fire to materialize, not as of now: a last fire (a one-shot's) missed by a little is still due.
        var cron = CronSchedule.TryParse(schedule.Cron, schedule.TimeZone, schedule.NextFireTime!.Value.AddTicks(-1), out _, out var error);
        if (cron is null)
        {
            // Only possible if the zone vanished from this machine's time zone database.
            schedule.Enabled = false;
            schedule.NextFireTime = null;
            LogDisabled(logger, schedule.Id, error ?? "invalid");
            return 0;
        }

        var fire = schedule.NextFireTime;
        var skipped = 0;
        var queued = 0;
        while (fire is { } at && at <= horizon)
        {
            if (at < catchUpFrom)
            {
                skipped++;
                if (skipped == MaxSkippedRecords)
                {
                    // Fast-forward over the rest of the outage; say so in this record.
                    var resume = cron.NextAfter(catchUpFrom.AddTicks(-1));
                    Add(schedule, at, now, DeliveryStatus.Skipped, $"Missed while no Worker ran, like every fire until {catchUpFrom:u}; older than the catch-up window, so not sent");
                    fire = resume;
                    continue;
                }

                Add(schedule, at, now, DeliveryStatus.Skipped, $"Missed while no Worker ran ({Math.Round((now - at).TotalMinutes)} min ago); older than the catch-up window, so not sent");
            }
            else if (waiting[schedule.AccountId] >= dispatch.Value.MaxQueuedPerAccount)
            {
                Add(schedule, at, now, DeliveryStatus.Skipped,
                    $"Not sent: the account already had {dispatch.Value.MaxQueuedPerAccount} messages waiting (Dispatch:MaxQueuedPerAccount)");
                LogQueueFull(logger, schedule.Id, dispatch.Value.MaxQueuedPerAccount);
            }
            else
            {
                Add(schedule, at, now, DeliveryStatus.Queued, at < now ? $"Fired late after an outage ({Math.Round((now - at).TotalMinutes)} min)" : null);
                waiting[schedule.AccountId]++;
                queued++;
            }

            fire = cron.NextAfter(at);
        }

        schedule.NextFireTime = fire;
        schedule.UpdatedAt = now;
        if (skipped > 0)
        {
            LogSkipped(logger, schedule.Id, skipped);
        }

        return queued;
    }

    private void Add(Schedule schedule, DateTime fire, DateTime now, DeliveryStatus status, string? note) =>
        db.Deliveries.Add(new Delivery
        {
            AccountId = schedule.AccountId,
            TemplateJson = schedule.TemplateJson,
            Status = status,
            CreatedAt = now,
            DueAt = fire,
            ScheduleId = schedule.Id,
            FireTime = fire,
            LastError = note,
        });

    [LoggerMessage(LogLevel.Warning, "Schedule {ScheduleId} was disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, long scheduleId, string reason);

    [LoggerMessage(LogLevel.Warning, "Schedule {ScheduleId}: a fire was skipped, its account already has {Max} messages waiting (Dispatch:MaxQueuedPerAccount)")]
    private static partial void LogQueueFull(ILogger logger, long scheduleId, int max);

    [LoggerMessage(LogLevel.Warning, "Schedule {ScheduleId}: {Skipped} fires missed while no Worker ran were skipped (outside the catch-up window)")]
    private static partial void LogSkipped(ILogger logger, long scheduleId, int skipped);
}
