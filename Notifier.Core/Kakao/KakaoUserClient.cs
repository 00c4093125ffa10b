namespace Notifier.Core.Kakao;

/// <summary>The kapi calls about the link itself (consent items, unlink), with a user's access token.</summary>
public sealed class KakaoUserClient(IKakaoApi api)
{
    /// <summary>The consent items the user agreed to now (consent can be withdrawn without unlinking).</summary>
    public Task<KakaoScopes> GetScopesAsync(string accessToken, CancellationToken cancellationToken) =>
        KakaoCall.RunAsync(() => api.GetScopesAsync(accessToken, cancellationToken), KakaoErrorReader.ApiError, cancellationToken);

    /// <summary>Unlinks the app from the user at Kakao: every token of theirs stops working.</summary>
    public Task<KakaoUnlinkResult> UnlinkAsync(string accessToken, CancellationToken cancellationToken) =>
        KakaoCall.RunAsync(() => api.UnlinkAsync(accessToken, cancellationToken), KakaoErrorReader.ApiError, cancellationToken);
}
