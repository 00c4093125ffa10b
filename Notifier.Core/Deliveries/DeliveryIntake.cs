using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using Notifier.Core.Accounts;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Puts a message in the outbox: the delivery row and its Idempotency-Key in one transaction, before any answer
/// leaves, then wakes this process's dispatcher.
/// </summary>
public sealed partial class DeliveryIntake(
    NotifierDbContext db, TimeProvider time, DispatchSignal signal, IOptions<DispatchOptions> options, ILogger<DeliveryIntake> logger)
{
    /// <summary>
    /// Queues a message. <paramref name="requester"/> is the API key that asked (null for the owner pages and schedule
    /// fires): its <see cref="IntakeRequester.Name"/> is recorded on the delivery, and an Idempotency-Key counts within
    /// its <see cref="IntakeRequester.Scope"/> only.
    /// </summary>
    public async Task<IntakeResult> EnqueueAsync(
        long? accountId, string templateJson, string? idempotencyKey, string requestHash, CancellationToken cancellationToken,
        long? scheduleId = null, DateTime? fireTime = null, IntakeRequester? requester = null, DeliveryExtras? extras = null)
    {
        var scope = requester?.Scope ?? "";
        var keyWindow = extras?.KeyWindow;

        // A retry replays the first answer whatever happened since (the account unlinked, a second one connected).
        if (idempotencyKey is not null && await ReplayAsync(scope, idempotencyKey, requestHash, keyWindow, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        string? refusal = null;
        var account = await AccountChoice.ResolveAsync(db, accountId, why => refusal = why, cancellationToken);
        if (account is not { } chosen)
        {
            return new IntakeResult.NoAccount(refusal!);
        }

        if (chosen.Status != AccountStatus.Active)
        {
            return new IntakeResult.AccountInactive(chosen.Id, chosen.Status.ToName());
        }

        // Counted without a lock: requests racing at the cap may overshoot it by as many as race, never by more.
        var max = options.Value.MaxQueuedPerAccount;
        if (await QueueDepth.CountAsync(db, chosen.Id, max, cancellationToken) >= max)
        {
            return new IntakeResult.QueueFull(chosen.Id, max);
        }

        var id = chosen.Id;
        try
        {
            var delivery = await InsertAsync(id, templateJson, idempotencyKey, scope, requestHash, scheduleId, fireTime, requester?.Name, extras, cancellationToken);
            if (requester is not null)
            {
                LogQueued(delivery.Id, id, requester.Name);
            }

            signal.Notify();
            return new IntakeResult.Accepted(delivery);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent request with the same key committed first.
            db.ChangeTracker.Clear();
            return await ReplayAsync(scope, idempotencyKey, requestHash, keyWindow, cancellationToken) ?? new IntakeResult.KeyInFlight();
        }
        catch (Exception ex) when (idempotencyKey is not null && ex.GetBaseException() is MySqlException { ErrorCode: MySqlErrorCode.LockWaitTimeout })
        {
            return new IntakeResult.KeyInFlight();
        }
    }

    private async Task<IntakeResult?> ReplayAsync(string scope, string key, string requestHash, TimeSpan? window, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        // A key whose window has passed (an integration's dedupe) no longer replays: the message is new again.
        if (record is null || (window is { } w && record.CreatedAt < time.GetUtcNow().UtcDateTime - w))
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            return new IntakeResult.KeyReused();
        }

        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == record.DeliveryId, cancellationToken);
        return new IntakeResult.Replayed(delivery);
    }

    private Task<Delivery> InsertAsync(
        long accountId, string templateJson, string? key, string scope, string requestHash, long? scheduleId, DateTime? fireTime, string? requestedBy, DeliveryExtras? extras,
        CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow().UtcDateTime;
            // The key needs the delivery's id, so two inserts in one transaction; without a key one insert is atomic.
            // The key and an integration's rows need the delivery's id, so several inserts in one transaction; else one insert is atomic.
            await using var transaction = key is null && extras?.HasRows != true ? null : await db.Database.BeginTransactionAsync(ct);
            if (key is not null && extras?.KeyWindow is { } window)
            {
                // A key whose window has passed makes way for the new delivery (a concurrent twin then meets the primary key).
                var before = now - window;
                await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.CreatedAt < before).ExecuteDeleteAsync(ct);
            }

            var delivery = new Delivery
            {
                AccountId = accountId,
                TemplateJson = templateJson,
                CreatedAt = now,
                DueAt = now,
                ScheduleId = scheduleId,
                FireTime = fireTime,
                RequestedBy = requestedBy,
                Topic = extras?.Topic,
            };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                if (key is not null)
                {
                    db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = requestHash, DeliveryId = delivery.Id, CreatedAt = now });
                }

                AddExtras(delivery.Id, extras);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            return delivery;
        }, cancellationToken);
    }

    private void AddExtras(long deliveryId, DeliveryExtras? extras)
    {
        if (extras?.Page is { } page)
        {
            page.DeliveryId = deliveryId;
            db.MessagePages.Add(page);
        }

        foreach (var redirect in extras?.Redirects ?? [])
        {
            redirect.DeliveryId = deliveryId;
            db.LinkRedirects.Add(redirect);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued delivery {DeliveryId} for account {AccountId}, asked by API key {KeyName}")]
    private partial void LogQueued(long deliveryId, long accountId, string keyName);
}
