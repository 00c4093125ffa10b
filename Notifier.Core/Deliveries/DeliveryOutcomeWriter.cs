using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifier.Core.Accounts;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>Records what a send came to, only while this dispatcher still holds the row's lease.</summary>
public sealed partial class DeliveryOutcomeWriter(
    NotifierDbContext db,
    TimeProvider time,
    RetryJitter jitter,
    IOptions<DispatchOptions> options,
    ILogger<DeliveryOutcomeWriter> logger)
{
    /// <summary>
    /// Records a group of finished sends on one connection: every plain "sent" in one statement, the rest (retries,
    /// failures, postponements, unknowns, sends Kakao answered oddly: rare) each as <see cref="RecordAsync"/> does.
    /// Each is removed from <paramref name="group"/> once recorded, so after a failure the group holds only what is left.
    /// </summary>
    public async Task RecordGroupAsync(List<FinishedSend> group, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var sent = group.Where(f => f.Outcome is SendOutcome.Sent { Reason: null }).Select(f => f.Delivery.Id).ToList();
            if (sent.Count > 0)
            {
                await RecordSentAsync(sent, cancellationToken);
                group.RemoveAll(f => f.Outcome is SendOutcome.Sent { Reason: null });
            }

            while (group.Count > 0)
            {
                await RecordAsync(group[0].Delivery, group[0].Outcome, cancellationToken);
                group.RemoveAt(0);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The hot path: one statement for the whole group. A row whose lease another dispatcher took over is not touched.
    private Task<int> RecordSentAsync(List<long> ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var node = options.Value.NodeId;
        return db.Deliveries.Where(d => ids.Contains(d.Id) && d.LeaseOwner == node && d.Status == DeliveryStatus.Sending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Sent)
                .SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.DueAt, now)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LastError, (string?)null), cancellationToken);
    }

    public async Task RecordAsync(ClaimedDelivery delivery, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (outcome is SendOutcome.Sent)
        {
            // The hot path: one statement.
            await Mine(delivery).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, DeliveryStatus.Sent)
                .SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.DueAt, now)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LastError, Truncate(outcome.Reason)), cancellationToken);
            if (outcome.Reason is not null)
            {
                LogOutcome(logger, delivery.Id, DeliveryStatus.Sent.ToName(), outcome.Reason);
            }

            return;
        }

        if (outcome is SendOutcome.RateLimited limited)
        {
            // Every account waits out Kakao's -10, as long as the database's shared record of it says.
            var hold = await AppRateLimits.HoldAsync(db, now, cancellationToken);
            if (hold.Started)
            {
                LogRateLimited(logger, hold.MinutesFrom(now), hold.Streak);
            }

            outcome = hold.AsOutcome(limited.Why, now);
        }

        var change = ChangeFor(delivery, outcome, now);
        var recorded = await db.InTransactionAsync(ct => ApplyAsync(delivery, outcome, change, ct), cancellationToken);
        if (recorded)
        {
            LogOutcome(logger, delivery.Id, change.Status.ToName(), change.LastError);
        }
        else
        {
            LogLeaseLost(logger, delivery.Id, options.Value.NodeId, change.Status.ToName());
        }
    }

    /// <summary>The row as long as this dispatcher still holds its lease.</summary>
    private IQueryable<Delivery> Mine(ClaimedDelivery delivery)
    {
        var node = options.Value.NodeId;
        return db.Deliveries.Where(d => d.Id == delivery.Id && d.LeaseOwner == node && d.Status == DeliveryStatus.Sending);
    }

    /// <summary>What an outcome other than sent makes of the row, and how the day's usage changes (-1: the unit is given back).</summary>
    private OutcomeChange ChangeFor(ClaimedDelivery delivery, SendOutcome outcome, DateTime now)
    {
        var o = options.Value;
        var (status, dueAt, attempts, usageChange) = outcome switch
        {
            SendOutcome.Retry when delivery.Attempts >= o.MaxAttempts => (DeliveryStatus.Failed, now, delivery.Attempts, -1),
            SendOutcome.Retry => (DeliveryStatus.Queued, now + RetryBackoff.Delay(delivery.Attempts, o, jitter.Sample()), delivery.Attempts, -1),
            SendOutcome.Postponed p => (DeliveryStatus.Queued, p.Until, delivery.Attempts - 1, p.QuotaExhausted ? 0 : -1),
            SendOutcome.Unknown => (DeliveryStatus.Unknown, now, delivery.Attempts, 0),
            _ => (DeliveryStatus.Failed, now, delivery.Attempts, -1),
        };
        var lastError = Truncate(outcome is SendOutcome.Retry && status == DeliveryStatus.Failed
            ? $"Gave up after {delivery.Attempts} attempts: {outcome.Reason}"
            : outcome.Reason);
        return new OutcomeChange(status, dueAt, attempts, usageChange, lastError);
    }

    /// <summary>Writes the change while the lease holds, with what it implies for the day's usage, the queue and the account.</summary>
    private async Task<bool> ApplyAsync(ClaimedDelivery delivery, SendOutcome outcome, OutcomeChange change, CancellationToken ct)
    {
        var updated = await Mine(delivery).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, change.Status)
            .SetProperty(d => d.DueAt, change.DueAt)
            .SetProperty(d => d.Attempts, change.Attempts)
            .SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LastError, change.LastError), ct);
        if (updated != 1)
        {
            if (change.UsageChange < 0)
            {
                // The lease ran out and another dispatcher owns the row and its own unit; this claim's unit sent nothing.
                await DailyUsageRows.ReleaseAsync(db, delivery.AccountId, delivery.UsageDay, ct);
            }

            return false;
        }

        // The other rows before the usage row: a writer holding its own row and waiting for the usage row must not be
        // the one this transaction waits for while it holds the usage row (a deadlock MariaDB would have to break).
        if (outcome is SendOutcome.Postponed postponed)
        {
            await PostponeOthersAsync(delivery, postponed, ct);
        }

        await AdjustUsageAsync(delivery, outcome, change.UsageChange, ct);

        if (outcome is SendOutcome.Failed { FlagAccount: { } flag })
        {
            await FlagAccountAsync(delivery.AccountId, flag, outcome.Reason!, ct);
        }

        return true;
    }

    private sealed record OutcomeChange(DeliveryStatus Status, DateTime DueAt, int Attempts, int UsageChange, string? LastError);

    // A quota that is used up is used up for the others too: they wait with this one instead of each asking Kakao once more.
    private Task<int> PostponeOthersAsync(ClaimedDelivery delivery, SendOutcome.Postponed postponed, CancellationToken cancellationToken) =>
        db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Queued && d.DueAt < postponed.Until && (postponed.AppWide || d.AccountId == delivery.AccountId))
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.DueAt, postponed.Until)
                .SetProperty(d => d.LastError, Truncate(postponed.Why)), cancellationToken);

    private Task AdjustUsageAsync(ClaimedDelivery delivery, SendOutcome outcome, int change, CancellationToken cancellationToken)
    {
        var usage = db.DailyUsage.Where(u => u.AccountId == delivery.AccountId && u.Day == delivery.UsageDay);
        var cap = options.Value.DailyCap;
        return outcome is SendOutcome.Postponed { QuotaExhausted: true }
            // Kakao's own daily counter is full: nothing more for this account today.
            ? usage.ExecuteUpdateAsync(u => u.SetProperty(x => x.Count, x => x.Count > cap ? x.Count : cap), cancellationToken)
            : change == 0 ? Task.CompletedTask
            : usage.ExecuteUpdateAsync(u => u.SetProperty(x => x.Count, x => x.Count + change > 0 ? x.Count + change : 0), cancellationToken);
    }

    private async Task FlagAccountAsync(long accountId, AccountStatus flag, string reason, CancellationToken cancellationToken)
    {
        var flagged = await db.Accounts.Where(a => a.Id == accountId && a.Status == AccountStatus.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, flag).SetProperty(a => a.UpdatedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        if (flagged == 1)
        {
            await DeliveryFailures.FailQueuedAsync(db, accountId, Truncate($"Not sent: {reason}")!, cancellationToken);
            LogAccountFlagged(logger, accountId, flag.ToName(), reason);
        }
    }

    private static string? Truncate(string? text) => text is { Length: > 500 } ? text[..500] : text;

    [LoggerMessage(LogLevel.Information, "Delivery {DeliveryId} is {Status}: {Reason}")]
    private static partial void LogOutcome(ILogger logger, long deliveryId, string status, string? reason);

    [LoggerMessage(LogLevel.Warning, "Delivery {DeliveryId} is no longer leased to {NodeId}: its outcome ({Status}) is not recorded")]
    private static partial void LogLeaseLost(ILogger logger, long deliveryId, string nodeId, string status);

    [LoggerMessage(LogLevel.Warning, "Kakao limits the app's request rate (-10): no memo goes out for {WaitMinutes} min (limit {Streak} in a row)")]
    private static partial void LogRateLimited(ILogger logger, int waitMinutes, int streak);

    [LoggerMessage(LogLevel.Warning, "Account {AccountId} is now {Status}: {Reason}")]
    private static partial void LogAccountFlagged(ILogger logger, long accountId, string status, string reason);
}
