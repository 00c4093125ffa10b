using Notifier.Core.Accounts;
using Notifier.Core.Kakao;
using Notifier.Core.Metrics;

namespace Notifier.Core.Deliveries;

/// <summary>Sends one claimed delivery with a fresh token; on <c>-401</c> refreshes once and resends once.</summary>
public sealed class DeliverySender(AccessTokenService tokens, KakaoApiClient kakao, TimeProvider time)
{
    public async Task<SendOutcome> SendAsync(ClaimedDelivery delivery, Account account, CancellationToken cancellationToken)
    {
        try
        {
            var token = await TokenAsync(() => tokens.GetFreshAsync(account, cancellationToken));
            MemoReceipt receipt;
            try
            {
                receipt = await NotifierMetrics.TimeKakaoSendAsync(() => kakao.SendStoredMemoAsync(token, delivery.TemplateJson, cancellationToken));
            }
            catch (KakaoApiException ex) when (ex.Code == KakaoApiException.InvalidToken)
            {
                // Revoked or expired early: refresh once (or reuse another process's refresh) and resend once.
                var renewed = await TokenAsync(() => tokens.RefreshRejectedAsync(account.Id, token, cancellationToken));
                receipt = await NotifierMetrics.TimeKakaoSendAsync(() => kakao.SendStoredMemoAsync(renewed, delivery.TemplateJson, cancellationToken));
            }

            return new SendOutcome.Sent(receipt.Note);
        }
        catch (Exception ex) when (ex is KakaoApiException or KakaoUnavailableException or KakaoAuthException or AccountUnavailableException)
        {
            return SendOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>
    /// A token request that got no answer left no memo behind: whatever Kakao did with the refresh, this attempt sent
    /// nothing, so it is retried, never recorded as an unknown send.
    /// </summary>
    private static async Task<string> TokenAsync(Func<Task<string>> request)
    {
        try
        {
            return await request();
        }
        catch (KakaoUnavailableException ex) when (ex.OutcomeUnknown)
        {
            throw new KakaoUnavailableException($"Refreshing the access token failed: {ex.Message}", outcomeUnknown: false, ex);
        }
    }
}
