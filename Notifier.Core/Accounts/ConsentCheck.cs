using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notifier.Core.Data;
using Notifier.Core.Kakao;

namespace Notifier.Core.Accounts;

/// <summary>
/// Consent can be withdrawn at Kakao without unlinking, and nothing calls us when it is: asks
/// <c>GET /v2/user/scopes</c> for every active account and flags the ones without <c>talk_message</c> before a send
/// fails on them (kakao-api.md §6).
/// </summary>
public sealed partial class ConsentCheck(IServiceScopeFactory scopes, ILogger<ConsentCheck> logger)
{
    private const int PageSize = 50;

    /// <summary>Checks every active account once; returns how many were flagged.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var flagged = 0;
        long after = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<long> ids;
            await using (var scope = scopes.CreateAsyncScope())
            {
                ids = await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking()
                    .Where(a => a.Status == AccountStatus.Active && a.Id > after)
                    .OrderBy(a => a.Id).Select(a => a.Id).Take(PageSize).ToListAsync(cancellationToken);
            }

            foreach (var id in ids)
            {
                flagged += await CheckAsync(id, cancellationToken) ? 1 : 0;
            }

            if (ids.Count < PageSize)
            {
                break;
            }

            after = ids[^1];
        }

        return flagged;
    }

    private async Task<bool> CheckAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NotifierDbContext>();
        var tokens = services.GetRequiredService<AccessTokenService>();
        var kakao = services.GetRequiredService<KakaoUserClient>();
        try
        {
            var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
            if (account is null)
            {
                return false;
            }

            var token = await tokens.GetFreshAsync(account, cancellationToken);
            KakaoScopes scopes;
            try
            {
                scopes = await kakao.GetScopesAsync(token, cancellationToken);
            }
            catch (KakaoApiException ex) when (ex.Code == KakaoApiException.InvalidToken)
            {
                scopes = await kakao.GetScopesAsync(await tokens.RefreshRejectedAsync(accountId, token, cancellationToken), cancellationToken);
            }

            return !KakaoConsent.Agreed(scopes) && await FlagAsync(db, tokens, accountId, cancellationToken);
        }
        catch (AccountUnavailableException)
        {
            // Flagged meanwhile (by a refresh that found the refresh token dead, or a send): nothing more to do.
            return false;
        }
        catch (Exception ex) when (ex is KakaoUnavailableException or KakaoAuthException or KakaoApiException)
        {
            // Checked again on the next pass; a send meanwhile would meet -402 and flag the account itself.
            LogCheckFailed(logger, accountId, ex.Message);
            return false;
        }
    }

    private static Task<bool> FlagAsync(NotifierDbContext db, AccessTokenService tokens, long accountId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var account = await db.Dialect.LockAccountAsync(accountId, ct);
            if (account is not { Status: AccountStatus.Active })
            {
                return false;
            }

            await tokens.MarkReauthorizationRequiredAsync(account, KakaoConsent.MessagesNotAllowedReason, ct);
            return true;
        }, cancellationToken);

    [LoggerMessage(LogLevel.Information, "Consent check could not read the consent items of account {AccountId} now: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, long accountId, string reason);
}
