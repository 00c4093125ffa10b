using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;

namespace Notifier.Core.Accounts;

/// <summary>The end of the one-time authorization: code → tokens → Kakao user → one account row.</summary>
public sealed class AccountConnector(
    KakaoAuthClient auth,
    KakaoApiClient api,
    KakaoUserClient user,
    NotifierDbContext db,
    TokenVault vault,
    TimeProvider time)
{
    /// <summary>
    /// Exchanges the code, reads who it belongs to and stores account and tokens in one transaction. Reconnecting
    /// the same Kakao user updates its row. Without the <c>talk_message</c> consent the account is stored
    /// <see cref="AccountStatus.ReauthorizationRequired"/> with <see cref="KakaoConsent.MessagesNotAllowedReason"/>.
    /// Throws the Kakao exceptions; nothing is stored when it throws.
    /// </summary>
    public async Task<Account> ConnectAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var tokens = await auth.ExchangeCodeAsync(code, redirectUri, codeVerifier, cancellationToken);
        var me = await api.GetMeAsync(tokens.AccessToken, cancellationToken);
        // The token response lists what was granted; should Kakao leave `scope` out, ask rather than guess.
        var messagesAllowed = string.IsNullOrWhiteSpace(tokens.Scope)
            ? KakaoConsent.Agreed(await user.GetScopesAsync(tokens.AccessToken, cancellationToken))
            : KakaoConsent.Includes(tokens.Scope);
        try
        {
            return await UpsertAsync(me, tokens, messagesAllowed, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent first connect of the same user inserted the row first: update that one instead.
            return await UpsertAsync(me, tokens, messagesAllowed, cancellationToken);
        }
    }

    private Task<Account> UpsertAsync(KakaoUser me, KakaoTokenResponse tokens, bool messagesAllowed, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.KakaoUserId == me.Id, ct);
            if (account is null)
            {
                account = new Account { KakaoUserId = me.Id };
                db.Accounts.Add(account);
            }

            account.Nickname = Truncate(me.Nickname ?? $"Kakao user {me.Id}", 200);
            account.Status = messagesAllowed ? AccountStatus.Active : AccountStatus.ReauthorizationRequired;
            account.StatusReason = messagesAllowed ? null : KakaoConsent.MessagesNotAllowedReason;
            // Whole microseconds, as MariaDB keeps them: the owner's session carries this exact value (a security stamp).
            account.ConnectedAt = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
            vault.Apply(account, tokens, now);
            await db.SaveChangesAsync(ct);
            if (!messagesAllowed)
            {
                await DeliveryFailures.FailQueuedAsync(db, account.Id, $"Not sent: {KakaoConsent.MessagesNotAllowedReason}.", ct);
            }

            return account;
        }, cancellationToken);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
