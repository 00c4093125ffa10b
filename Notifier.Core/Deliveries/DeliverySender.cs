using Notifier.Core.Kakao;
using Notifier.Core.Metrics;

namespace Notifier.Core.Deliveries;

/// <summary>Sends one claimed delivery with its page's fresh token; on <c>-401</c> refreshes once and resends once.</summary>
public sealed class DeliverySender(KakaoApiClient kakao, TimeProvider time)
{
    public async Task<SendOutcome> SendAsync(ClaimedDelivery delivery, PageTokens tokens, CancellationToken cancellationToken)
    {
        if (tokens.Account(delivery.AccountId) is not { } account)
        {
            return new SendOutcome.Failed("The account no longer exists");
        }

        try
        {
            var token = await TokenAsync(() => tokens.GetAsync(account));
            MemoReceipt receipt;
            try
            {
                receipt = await NotifierMetrics.TimeKakaoSendAsync(() => kakao.SendStoredMemoAsync(token, delivery.TemplateJson, cancellationToken));
            }
            catch (KakaoApiException ex) when (ex.Code == KakaoApiException.InvalidToken)
            {
                // Revoked or expired early: refresh once (or reuse another send's or process's refresh) and resend once.
                var renewed = await TokenAsync(() => tokens.RefreshRejectedAsync(account.Id, token));
                receipt = await NotifierMetrics.TimeKakaoSendAsync(() => kakao.SendStoredMemoAsync(renewed, delivery.TemplateJson, cancellationToken));
            }

            return new SendOutcome.Sent(receipt.Note);
        }
        catch (Exception ex) when (ex is KakaoApiException or KakaoUnavailableException or KakaoAuthException or Accounts.AccountUnavailableException)
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
