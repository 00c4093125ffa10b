using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Core.Accounts;

/// <summary>Marks an account unlinked (Kakao's unlink webhook) and fails what was queued for it, in one transaction.</summary>
public sealed class AccountUnlinker(NotifierDbContext db, TimeProvider time)
{
    /// <summary>The account's id, or null when no account has this Kakao user id.</summary>
    public Task<long?> UnlinkAsync(long kakaoUserId, string reason, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var id = await db.Accounts.Where(a => a.KakaoUserId == kakaoUserId).Select(a => (long?)a.Id).SingleOrDefaultAsync(ct);
            if (id is null)
            {
                return null;
            }

            await db.Accounts.Where(a => a.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Status, AccountStatus.Unlinked)
                .SetProperty(a => a.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
            await DeliveryFailures.FailQueuedAsync(db, id.Value, $"Not sent: {reason}; connect KakaoTalk again to resume.", ct);
            return id;
        }, cancellationToken);
}
