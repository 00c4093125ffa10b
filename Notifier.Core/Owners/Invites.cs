using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Owners;

/// <summary>An owner's invites: make one (its link shown once), list the pending ones, revoke one; look one up by its link.</summary>
public sealed class Invites(NotifierDbContext db, TimeProvider time)
{
    /// <summary>Stores a new invite of <paramref name="ownerAccountId"/> and returns it with its token, which is never stored.</summary>
    public async Task<(Invite Invite, string Token)> CreateAsync(long ownerAccountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = InviteTokens.Create();
        var invite = new Invite
        {
            TokenHash = InviteTokens.Hash(token),
            CreatedByAccountId = ownerAccountId,
            CreatedAt = now,
            ExpiresAt = now + Invite.Lifetime,
        };
        db.Invites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return (invite, token);
    }

    /// <summary>The owner's invites nobody has used yet and that have not expired, newest first.</summary>
    public Task<List<Invite>> PendingAsync(long ownerAccountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Invites.AsNoTracking()
            .Where(i => i.CreatedByAccountId == ownerAccountId && i.UsedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Deletes one of the owner's unused invites; false when there is none with this id (or it was used).</summary>
    public async Task<bool> RevokeAsync(long ownerAccountId, long inviteId, CancellationToken cancellationToken) =>
        await db.Invites.Where(i => i.Id == inviteId && i.CreatedByAccountId == ownerAccountId && i.UsedAt == null)
            .ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>What the link <paramref name="token"/> is worth now.</summary>
    public async Task<InviteState> StateAsync(string? token, CancellationToken cancellationToken)
    {
        if (!InviteTokens.IsWellFormed(token))
        {
            return new InviteState.Unknown();
        }

        var hash = InviteTokens.Hash(token!);
        var invite = await db.Invites.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invite switch
        {
            null => new InviteState.Unknown(),
            { UsedAt: not null } => new InviteState.Used(),
            _ when invite.ExpiresAt <= time.GetUtcNow().UtcDateTime => new InviteState.Expired(),
            _ => new InviteState.Pending(invite.Id),
        };
    }

    /// <summary>
    /// Marks the invite used by <paramref name="kakaoUserId"/> if it still is pending, in the caller's transaction: one
    /// conditional UPDATE, so of two connects racing for one link exactly one sees a row changed.
    /// </summary>
    internal static async Task<bool> TryConsumeAsync(NotifierDbContext db, long inviteId, long kakaoUserId, DateTime nowUtc, CancellationToken cancellationToken) =>
        await db.Invites.Where(i => i.Id == inviteId && i.UsedAt == null && i.ExpiresAt > nowUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAt, nowUtc).SetProperty(i => i.UsedByKakaoUserId, kakaoUserId), cancellationToken) == 1;
}
