using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;
using Notifier.Core.Owners;

namespace Notifier.Core.Accounts;

/// <summary>The end of the one-time authorization: code → tokens → Kakao user → one account row.</summary>
public sealed partial class AccountConnector(
    KakaoAuthClient auth,
    KakaoApiClient api,
    KakaoUserClient user,
    NotifierDbContext db,
    TokenVault vault,
    Admission admission,
    TimeProvider time,
    ILogger<AccountConnector> logger)
{
    /// <summary>A connect without an invite; see the overload with <c>inviteId</c>.</summary>
    public Task<Account> ConnectAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        ConnectAsync(code, redirectUri, codeVerifier, inviteId: null, cancellationToken);

    /// <summary>
    /// Exchanges the code, reads who it belongs to and stores account and tokens in one transaction. Reconnecting
    /// the same Kakao user updates its row. Without the <c>talk_message</c> consent the account is stored
    /// <see cref="AccountStatus.ReauthorizationRequired"/> with <see cref="KakaoConsent.MessagesNotAllowedReason"/>.
    /// A Kakao user without an account gets one only when <see cref="Admission"/> lets them (the pending invite
    /// <paramref name="inviteId"/> is used up then); otherwise their fresh token is unlinked at Kakao and
    /// <see cref="NotAdmittedException"/> thrown. Throws the Kakao exceptions; nothing is stored when it throws.
    /// </summary>
    public async Task<Account> ConnectAsync(string code, string redirectUri, string codeVerifier, long? inviteId, CancellationToken cancellationToken)
    {
        var tokens = await auth.ExchangeCodeAsync(code, redirectUri, codeVerifier, cancellationToken);
        var me = await api.GetMeAsync(tokens.AccessToken, cancellationToken);
        // The token response lists what was granted; should Kakao leave `scope` out, ask rather than guess.
        var messagesAllowed = string.IsNullOrWhiteSpace(tokens.Scope)
            ? KakaoConsent.Agreed(await user.GetScopesAsync(tokens.AccessToken, cancellationToken))
            : KakaoConsent.Includes(tokens.Scope);
        Account? account;
        AdmissionDecision decision;
        try
        {
            (account, decision) = await UpsertAsync(me, tokens, messagesAllowed, inviteId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent first connect of the same user inserted the row first (update that one instead), or another
            // person became the first owner at the same moment (this one is then decided again, as a stranger).
            (account, decision) = await UpsertAsync(me, tokens, messagesAllowed, inviteId, cancellationToken);
        }

        if (account is null)
        {
            var revoked = await HandBackAsync(tokens.AccessToken, me.Id, cancellationToken);
            throw new NotAdmittedException(
                decision == AdmissionDecision.InviteNoLongerValid ? NotAdmittedReason.InviteNoLongerValid : NotAdmittedReason.Stranger, revoked);
        }

        if (decision == AdmissionDecision.FirstOwner)
        {
            LogFirstOwner(logger, account.Id, me.Id);
        }

        return account;
    }

    // A refused person's token is unlinked at Kakao right away, so no credential of theirs stays anywhere.
    private async Task<bool> HandBackAsync(string accessToken, long kakaoUserId, CancellationToken cancellationToken)
    {
        try
        {
            await user.UnlinkAsync(accessToken, cancellationToken);
            LogRefused(logger, kakaoUserId, "unlinked");
            return true;
        }
        catch (Exception ex) when (ex is KakaoApiException or KakaoUnavailableException)
        {
            LogRefused(logger, kakaoUserId, $"unlink failed: {ex.GetType().Name}");
            return false;
        }
    }

    private Task<(Account? Account, AdmissionDecision Decision)> UpsertAsync(
        KakaoUser me, KakaoTokenResponse tokens, bool messagesAllowed, long? inviteId, CancellationToken cancellationToken) =>
        db.InTransactionAsync<(Account?, AdmissionDecision)>(async ct =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.KakaoUserId == me.Id, ct);
            var decision = AdmissionDecision.Admitted;
            if (account is null)
            {
                decision = await admission.DecideAsync(db, me.Id, inviteId, now, ct);
                if (decision is AdmissionDecision.Stranger or AdmissionDecision.InviteNoLongerValid)
                {
                    return (null, decision);
                }

                account = new Account { KakaoUserId = me.Id, IsFirstOwner = decision == AdmissionDecision.FirstOwner ? true : null };
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

            return (account, decision);
        }, cancellationToken);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(LogLevel.Information, "Kakao user {KakaoUserId} became the first owner of this Notifier (account {AccountId})")]
    private static partial void LogFirstOwner(ILogger logger, long accountId, long kakaoUserId);

    [LoggerMessage(LogLevel.Warning, "Kakao user {KakaoUserId} may not connect to this Notifier (not an owner, not invited); nothing stored, token {Outcome}")]
    private static partial void LogRefused(ILogger logger, long kakaoUserId, string outcome);
}
