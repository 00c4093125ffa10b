using Notifier.Core.Accounts;

namespace Notifier.Api.Accounts;

/// <summary>The answer of <c>DELETE /api/accounts/{id}</c>.</summary>
/// <param name="KakaoUnlink"><c>unlinked</c>, <c>already_gone</c> or <c>unreachable</c> (the app may still be linked at Kakao).</param>
public sealed record AccountDisconnected(long Id, string Status, string KakaoUnlink, int FailedMessages, int DisabledSchedules, string Detail)
{
    public static AccountDisconnected From(Disconnection done) => new(
        done.AccountId,
        AccountStatusNames.Unlinked,
        done.Kakao switch
        {
            KakaoUnlinkOutcome.Unlinked => "unlinked",
            KakaoUnlinkOutcome.AlreadyGone => "already_gone",
            _ => "unreachable",
        },
        done.FailedDeliveries,
        done.DisabledSchedules,
        done.Summary);
}
