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

    /// <summary>
    /// Sends a stored memo through the endpoint it was made for (default, console template or scrap). All three share
    /// one answer handling (<see cref="KakaoCall.SendMemoAsync"/>), so what counts as sent, unknown or retried is the same.
    /// </summary>
    public Task<MemoReceipt> SendStoredMemoAsync(string accessToken, string storedJson, CancellationToken cancellationToken) =>
        StoredMemo.FromStoredJson(storedJson) switch
        {
            StoredMemo.DefaultTemplate d => SendMemoAsync(accessToken, d.TemplateObject, cancellationToken),
            StoredMemo.CustomTemplate c => KakaoCall.SendMemoAsync(
                () => api.SendCustomMemoAsync(
                    accessToken, new KakaoCustomMemoRequest { TemplateId = c.TemplateId, TemplateArgs = StoredMemo.ArgsJson(c.TemplateArgs) }, cancellationToken),
                cancellationToken),
            StoredMemo.Scrap s => KakaoCall.SendMemoAsync(
                () => api.SendScrapMemoAsync(
                    accessToken,
                    new KakaoScrapMemoRequest { RequestUrl = s.RequestUrl, TemplateId = s.TemplateId, TemplateArgs = StoredMemo.ArgsJson(s.TemplateArgs) },
                    cancellationToken),
                cancellationToken),
            var other => throw new InvalidOperationException($"Unknown memo kind {other.GetType().Name}."),
        };
}
