namespace Notifier.Core.Accounts;

/// <summary>
/// Kakao said a user unlinked the app (the unlink webhook). Written without touching the account row, so the webhook
/// answers at once even while a token refresh holds that row; <see cref="AccountUnlinker"/> applies it right after.
/// </summary>
public sealed class AccountUnlinkRequest
{
    public long Id { get; set; }

    /// <summary>Kakao's user id; deliberately no foreign key: checking one would wait on the account row's lock.</summary>
    public long KakaoUserId { get; set; }

    public string Reason { get; set; } = "";

    public DateTime ReceivedAt { get; set; }
}
