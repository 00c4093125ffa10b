using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;

namespace Notifier.Core.Deliveries;

/// <summary>
/// The access tokens of a claimed page's accounts: each account's token is decrypted (or, when stale, refreshed) once
/// per page and shared by the page's sends; a token Kakao rejects is refreshed once for all of them. Refreshes go through
/// <see cref="AccessTokenService"/>, which serializes them per account across processes under the account's row lock.
/// </summary>
public sealed class PageTokens(
    IReadOnlyDictionary<long, Account> accounts,
    TokenVault vault,
    IServiceScopeFactory scopes,
    TimeProvider time,
    TokenOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Task<string>> _tokens = [];

    /// <summary>The page's row of this account; null when the account no longer exists.</summary>
    public Account? Account(long accountId) => accounts.GetValueOrDefault(accountId);

    /// <summary>A token valid for at least the refresh-ahead margin.</summary>
    public Task<string> GetAsync(Account account)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(account.Id, out var token))
            {
                _tokens[account.Id] = token = LoadAsync(account);
            }

            return token;
        }
    }

    /// <summary>Kakao rejected <paramref name="rejected"/> (-401): a newer token, refreshed once for the whole page.</summary>
    public Task<string> RefreshRejectedAsync(long accountId, string rejected)
    {
        lock (_gate)
        {
            if (_tokens.TryGetValue(accountId, out var current)
                && (!current.IsCompleted || (current.IsCompletedSuccessfully && current.Result != rejected)))
            {
                return current; // another send of this page is refreshing it, or already did
            }

            var renewed = InScopeAsync(s => s.RefreshRejectedAsync(accountId, rejected, CancellationToken.None));
            _tokens[accountId] = renewed;
            return renewed;
        }
    }

    private Task<string> LoadAsync(Account account)
    {
        if (account.Status != AccountStatus.Active || !AccessTokenService.IsFresh(account, time.GetUtcNow().UtcDateTime, options))
        {
            return InScopeAsync(s => s.GetFreshAsync(account, CancellationToken.None)); // says why it is not active, or refreshes
        }

        try
        {
            return Task.FromResult(vault.ReadAccessToken(account));
        }
        catch (Exception ex)
        {
            return Task.FromException<string>(ex);
        }
    }

    private async Task<string> InScopeAsync(Func<AccessTokenService, Task<string>> call)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<AccessTokenService>());
    }
}
