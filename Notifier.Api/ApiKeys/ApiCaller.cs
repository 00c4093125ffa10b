using System.Globalization;
using System.Security.Claims;

namespace Notifier.Api.ApiKeys;

/// <summary>
/// Who is calling the API, as the API-key handler authenticated it: the key's name, and the account the key belongs to
/// (<see langword="null"/> for an operator key from <c>Api:Keys</c>, which may act on every account).
/// </summary>
public sealed record ApiCaller(string KeyName, long? AccountId)
{
    public const string KeyNameClaim = "notifier:api-key";
    public const string AccountClaim = "notifier:api-key-account";

    public bool IsOperator => AccountId is null;

    /// <summary>Whether this caller may see or act on <paramref name="accountId"/>.</summary>
    public bool MayActOn(long accountId) => AccountId is null || AccountId == accountId;

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, KeyName), new(KeyNameClaim, KeyName)];
        if (AccountId is { } account)
        {
            claims.Add(new Claim(AccountClaim, account.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller behind an API-key-authenticated request.</summary>
    public static ApiCaller From(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(KeyNameClaim)
            ?? throw new InvalidOperationException("The request was not authenticated with an API key.");
        var account = user.FindFirstValue(AccountClaim);
        return new ApiCaller(name, account is null ? null : long.Parse(account, CultureInfo.InvariantCulture));
    }
}
