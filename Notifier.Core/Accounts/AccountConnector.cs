using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;
using Notifier.Core.Kakao;

namespace Notifier.Core.Accounts;

/// <summary>The end of the one-time authorization: code → tokens → Kakao user → one account row.</summary>
public sealed class AccountConnector(
    KakaoAuthClient auth,
    KakaoApiClient api,
    NotifierDbContext db,
    TokenVault vault,
    TimeProvider time)
{
    /// <summary>
    /// Exchanges the code, reads who it belongs to and stores account and tokens in one transaction. Reconnecting
    /// the same Kakao user updates its row. Throws the Kakao exceptions; nothing is stored when it throws.
    /// </summary>
    public async Task<Account> ConnectAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var tokens = await auth.ExchangeCodeAsync(code, redirectUri, codeVerifier, cancellationToken);
        var user = await api.GetMeAsync(tokens.AccessToken, cancellationToken);
        try
        {
            return await UpsertAsync(user, tokens, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent first connect of the same user inserted the row first: update that one instead.
            return await UpsertAsync(user, tokens, cancellationToken);
        }
    }

    private Task<Account> UpsertAsync(KakaoUser user, KakaoTokenResponse tokens, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.KakaoUserId == user.Id, ct);
            if (account is null)
            {
                account = new Account { KakaoUserId = user.Id };
                db.Accounts.Add(account);
            }

            account.Nickname = Truncate(user.Nickname ?? $"Kakao user {user.Id}", 200);
            account.Status = AccountStatus.Active;
            account.ConnectedAt = now;
            vault.Apply(account, tokens, now);
            await db.SaveChangesAsync(ct);
            return account;
        }, cancellationToken);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
