namespace Notifier.Core.Accounts;

/// <summary>What Kakao said to <c>POST /v1/user/unlink</c> when an owner disconnected.</summary>
public enum KakaoUnlinkOutcome
{
    /// <summary>Kakao unlinked the app: every token of the person stopped working.</summary>
    Unlinked,

    /// <summary>Kakao no longer knew the link or its token (it was unlinked or expired already).</summary>
    AlreadyGone,

    /// <summary>Kakao did not answer: the app may still be linked at Kakao.</summary>
    Unreachable,
}

/// <summary>The result of a disconnect: the local part always happened; <see cref="Kakao"/> says how Kakao's part went.</summary>
public sealed record Disconnection(long AccountId, KakaoUnlinkOutcome Kakao, int FailedDeliveries, int DisabledSchedules)
{
    /// <summary>One sentence for the owner, the same on the page and in the API.</summary>
    public string Summary => Kakao switch
    {
        KakaoUnlinkOutcome.Unlinked => "Kakao unlinked Notifier from this KakaoTalk account, and Notifier deleted its tokens.",
        KakaoUnlinkOutcome.AlreadyGone => "Kakao no longer had a link for this account (it was already unlinked or its tokens had expired); Notifier deleted its tokens.",
        _ => "Kakao could not be reached, so the app may still be linked at Kakao: remove Notifier from KakaoTalk's connected services yourself. Notifier deleted its tokens all the same.",
    };
}
