using Microsoft.AspNetCore.DataProtection;
using Notifier.Core.Kakao;

namespace Notifier.Core.Accounts;

/// <summary>Encrypts Kakao tokens into an <see cref="Account"/> and reads them back; the only place that sees both forms.</summary>
public sealed class TokenVault(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Notifier.Accounts.KakaoTokens.v1");

    /// <summary>
    /// Stores a token response: the access token always, the refresh token only when Kakao sent one (it rotates the
    /// refresh token only inside its last month; otherwise the old one and its expiry stay).
    /// </summary>
    public void Apply(Account account, KakaoTokenResponse tokens, DateTime nowUtc)
    {
        account.AccessTokenCipher = _protector.Protect(tokens.AccessToken);
        account.AccessTokenExpiresAt = nowUtc.AddSeconds(tokens.ExpiresIn);
        if (!string.IsNullOrEmpty(tokens.RefreshToken))
        {
            account.RefreshTokenCipher = _protector.Protect(tokens.RefreshToken);
            if (tokens.RefreshTokenExpiresIn is { } seconds)
            {
                account.RefreshTokenExpiresAt = nowUtc.AddSeconds(seconds);
            }
        }

        if (!string.IsNullOrWhiteSpace(tokens.Scope))
        {
            account.Scopes = tokens.Scope;
        }

        account.UpdatedAt = nowUtc;
    }

    /// <summary>
    /// Deletes the stored tokens (an unlinked or disconnected account keeps no credential): the ciphertexts are emptied
    /// and the expiries set to <paramref name="nowUtc"/>, so nothing treats the account as holding a usable token.
    /// </summary>
    public static void Wipe(Account account, DateTime nowUtc)
    {
        account.AccessTokenCipher = "";
        account.RefreshTokenCipher = "";
        account.AccessTokenExpiresAt = nowUtc;
        account.RefreshTokenExpiresAt = nowUtc;
        account.UpdatedAt = nowUtc;
    }

    public string ReadAccessToken(Account account) => _protector.Unprotect(account.AccessTokenCipher);

    public string ReadRefreshToken(Account account) => _protector.Unprotect(account.RefreshTokenCipher);
}
