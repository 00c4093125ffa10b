using Notifier.Core.Accounts;

namespace Notifier.Api.Accounts;

/// <summary>What the API and the pages show of an account: never a token.</summary>
public sealed record AccountView(
    long Id,
    long KakaoUserId,
    string Nickname,
    string Status,
    DateTime AccessTokenExpiresAt,
    DateTime RefreshTokenExpiresAt,
    DateTime ConnectedAt,
    int SentToday,
    int DailyCap)
{
    public static AccountView From(Account account, int sentToday, int dailyCap) => new(
        account.Id,
        account.KakaoUserId,
        account.Nickname,
        account.Status.ToName(),
        account.AccessTokenExpiresAt,
        account.RefreshTokenExpiresAt,
        account.ConnectedAt,
        sentToday,
        dailyCap);
}
