using Notifier.Core.Accounts;

namespace Notifier.Api.Accounts;

/// <summary>What the API and the pages show of an account: never a token.</summary>
public sealed record AccountView(
    long Id,
    long KakaoUserId,
    string Nickname,
    string Status,
    string? StatusReason,
    DateTime AccessTokenExpiresAt,
    DateTime RefreshTokenExpiresAt,
    DateTime ConnectedAt,
    int SentToday,
    int DailyCap,
    string TimeZone)
{
    public static AccountView From(Account account, int sentToday, int dailyCap) => new(
        account.Id,
        account.KakaoUserId,
        account.Nickname,
        account.Status.ToName(),
        ReasonOf(account),
        account.AccessTokenExpiresAt,
        account.RefreshTokenExpiresAt,
        account.ConnectedAt,
        sentToday,
        dailyCap,
        account.TimeZone);

    // Accounts flagged before reasons were stored (or by a path that does not give one) still say something useful.
    private static string? ReasonOf(Account account) => account.Status switch
    {
        AccountStatus.Active => null,
        _ when !string.IsNullOrWhiteSpace(account.StatusReason) => account.StatusReason,
        AccountStatus.Unlinked => "The app was unlinked from this KakaoTalk account; connect KakaoTalk again to resume",
        _ => "Kakao no longer accepts this account's tokens; connect KakaoTalk again to resume",
    };
}
