using Notifier.Core.Accounts;
using Notifier.Core.Kakao;

namespace Notifier.Core.Deliveries;

/// <summary>Sends one claimed delivery with a fresh token; on <c>-401</c> refreshes once and resends once.</summary>
public sealed class DeliverySender(AccessTokenService tokens, KakaoApiClient kakao, TimeProvider time)
{
    public async Task<SendOutcome> SendAsync(ClaimedDelivery delivery, Account account, CancellationToken cancellationToken)
    {
        try
        {
            var token = await tokens.GetFreshAsync(account, cancellationToken);
            try
            {
                await kakao.SendMemoAsync(token, delivery.TemplateJson, cancellationToken);
            }
            catch (KakaoApiException ex) when (ex.Code == KakaoApiException.InvalidToken)
            {
                // Revoked or expired early: refresh once (or reuse another process's refresh) and resend once.
                var renewed = await tokens.RefreshRejectedAsync(account.Id, token, cancellationToken);
                await kakao.SendMemoAsync(renewed, delivery.TemplateJson, cancellationToken);
            }

            return new SendOutcome.Sent();
        }
        catch (Exception ex) when (ex is KakaoApiException or KakaoUnavailableException or KakaoAuthException or AccountUnavailableException)
        {
            return SendOutcome.FromException(ex, time.GetUtcNow().UtcDateTime);
        }
    }
}
