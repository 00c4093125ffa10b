using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Core.Owners;

/// <summary>
/// Decides, inside the connect's transaction, whether a Kakao user without an account may get one. Every check reads or
/// writes the database in that transaction, so it holds across processes: the first owner through a unique index
/// (<see cref="FirstOwnerConfiguration"/>), an invite through one conditional UPDATE.
/// </summary>
public sealed class Admission(IOptions<OwnerOptions> options)
{
    public async Task<AdmissionDecision> DecideAsync(NotifierDbContext db, long kakaoUserId, long? inviteId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var owners = options.Value;
        if (owners.AnyoneMayConnect || owners.Lists(kakaoUserId))
        {
            return AdmissionDecision.Admitted;
        }

        if (owners.FirstToConnectOwns && !await db.Accounts.AnyAsync(cancellationToken))
        {
            return AdmissionDecision.FirstOwner;
        }

        if (inviteId is { } id)
        {
            return await Invites.TryConsumeAsync(db, id, kakaoUserId, nowUtc, cancellationToken)
                ? AdmissionDecision.Admitted
                : AdmissionDecision.InviteNoLongerValid;
        }

        return AdmissionDecision.Stranger;
    }
}

public enum AdmissionDecision
{
    Admitted,

    /// <summary>Admitted as the first owner (<c>Notifier:Owners</c> empty and no account yet).</summary>
    FirstOwner,

    Stranger,

    InviteNoLongerValid,
}
