using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MySqlConnector;
using Notifier.Core.Accounts;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// Puts a message in the outbox: the delivery row and its Idempotency-Key in one transaction, before any answer
/// leaves, then wakes this process's dispatcher.
/// </summary>
public sealed class DeliveryIntake(NotifierDbContext db, TimeProvider time, DispatchSignal signal, IOptions<DispatchOptions> options)
{
    public async Task<IntakeResult> EnqueueAsync(
        long? accountId, string templateJson, string? idempotencyKey, string requestHash, CancellationToken cancellationToken,
        long? scheduleId = null, DateTime? fireTime = null)
    {
        // A retry replays the first answer whatever happened since (the account unlinked, a second one connected).
        if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, requestHash, cancellationToken) is { } earlier)
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
            var delivery = await InsertAsync(id, templateJson, idempotencyKey, requestHash, scheduleId, fireTime, cancellationToken);
            signal.Notify();
            return new IntakeResult.Accepted(delivery);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent request with the same key committed first.
            db.ChangeTracker.Clear();
            return await ReplayAsync(idempotencyKey, requestHash, cancellationToken) ?? new IntakeResult.KeyInFlight();
        }
        catch (Exception ex) when (idempotencyKey is not null && ex.GetBaseException() is MySqlException { ErrorCode: MySqlErrorCode.LockWaitTimeout })
        {
            return new IntakeResult.KeyInFlight();
        }
    }

    private async Task<IntakeResult?> ReplayAsync(string key, string requestHash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (record is null)
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
        long accountId, string templateJson, string? key, string requestHash, long? scheduleId, DateTime? fireTime, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow().UtcDateTime;
            // The key needs the delivery's id, so two inserts in one transaction; without a key one insert is atomic.
            await using var transaction = key is null ? null : await db.Database.BeginTransactionAsync(ct);
            var delivery = new Delivery
            {
                AccountId = accountId,
                TemplateJson = templateJson,
                CreatedAt = now,
                DueAt = now,
                ScheduleId = scheduleId,
                FireTime = fireTime,
            };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key!, RequestHash = requestHash, DeliveryId = delivery.Id, CreatedAt = now });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            return delivery;
        }, cancellationToken);
    }
}
