using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Accounts;

/// <summary>
/// Kakao's unlink webhook, in two steps: <see cref="RecordAsync"/> writes the request without touching the account row
/// (a refresh may hold that row's lock for a while, and Kakao waits only 3 seconds), <see cref="ApplyPendingAsync"/>
/// then marks the account unlinked, deletes its tokens and fails what was queued for it, under the account's lock.
/// </summary>
public sealed class AccountUnlinker(NotifierDbContext db, TimeProvider time)
{
    private const int BatchSize = 20;

    /// <summary>The account's id once the request is stored, or null when no account has this Kakao user id.</summary>
    public async Task<long?> RecordAsync(long kakaoUserId, string reason, CancellationToken cancellationToken)
    {
        // A plain read: InnoDB answers it from a snapshot, never waiting on a row lock.
        var id = await db.Accounts.AsNoTracking().Where(a => a.KakaoUserId == kakaoUserId).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return null;
        }

        db.AccountUnlinkRequests.Add(new AccountUnlinkRequest
        {
            KakaoUserId = kakaoUserId,
            Reason = reason.Length <= 500 ? reason : reason[..500],
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Applies the recorded unlinks, oldest first; returns how many requests it settled.</summary>
    public async Task<int> ApplyPendingAsync(CancellationToken cancellationToken)
    {
        var settled = 0;
        while (true)
        {
            var pending = await db.AccountUnlinkRequests.AsNoTracking().OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var request in pending)
            {
                await ApplyAsync(request, cancellationToken);
                settled++;
            }

            if (pending.Count < BatchSize)
            {
                return settled;
            }
        }
    }

    private Task<bool> ApplyAsync(AccountUnlinkRequest request, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var id = await db.Accounts.Where(a => a.KakaoUserId == request.KakaoUserId).Select(a => (long?)a.Id).SingleOrDefaultAsync(ct);
            var account = id is null ? null : await db.Dialect.LockAccountAsync(id.Value, ct);
            // Connected again after Kakao's call: that is a new link, which this unlink does not end.
            var applies = account is not null && account.Status != AccountStatus.Unlinked && account.ConnectedAt <= request.ReceivedAt;
            if (applies)
            {
                account!.Status = AccountStatus.Unlinked;
                account.StatusReason = $"{char.ToUpperInvariant(request.Reason[0])}{request.Reason[1..]}; connect KakaoTalk again to resume";
                // Kakao already killed these tokens; keeping their ciphertexts would only leave a credential behind.
                TokenVault.Wipe(account, time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await DeliveryFailures.FailQueuedAsync(db, account.Id, $"Not sent: {request.Reason}; connect KakaoTalk again to resume.", ct);
                // Its owner's API keys end with the link, as its sessions do.
                await db.ApiKeys.Where(k => k.AccountId == account.Id).ExecuteDeleteAsync(ct);
            }

            await db.AccountUnlinkRequests.Where(r => r.Id == request.Id).ExecuteDeleteAsync(ct);
            return applies;
        }, cancellationToken);
}
