namespace Notifier.Core.Kakao;

/// <summary>The kapi calls Notifier makes with a user's access token.</summary>
public sealed class KakaoApiClient(IKakaoApi api)
{
    /// <summary>Reads the user the access token belongs to.</summary>
    public Task<KakaoUser> GetMeAsync(string accessToken, CancellationToken cancellationToken) =>
        KakaoCall.RunAsync(() => api.GetMeAsync(accessToken, cancellationToken), KakaoErrorReader.ApiError, cancellationToken);

    /// <summary>Reads what Kakao knows of an access token (its user and remaining lifetime).</summary>
    public Task<KakaoAccessTokenInfo> GetAccessTokenInfoAsync(string accessToken, CancellationToken cancellationToken) =>
        KakaoCall.RunAsync(() => api.GetAccessTokenInfoAsync(accessToken, cancellationToken), KakaoErrorReader.ApiError, cancellationToken);

    /// <summary>Sends a default-template memo to the token's owner ("send to me"). Returns once Kakao answered 2xx.</summary>
    public Task<MemoReceipt> SendMemoAsync(string accessToken, string templateJson, CancellationToken cancellationToken) =>
        KakaoCall.SendMemoAsync(
            () => api.SendMemoAsync(accessToken, new KakaoMemoRequest { TemplateObject = templateJson }, cancellationToken),
            cancellationToken);
}
