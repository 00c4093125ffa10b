using Refit;

namespace Notifier.Core.Kakao;

/// <summary>Kakao's authorization server (kauth). Never retried automatically: see kakao-api.md §2.</summary>
public interface IKakaoAuthApi
{
    [Post("/oauth/token")]
    [Headers("Content-Type: application/x-www-form-urlencoded;charset=utf-8")]
    Task<IApiResponse<KakaoTokenResponse>> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] KakaoTokenRequest request,
        CancellationToken cancellationToken);
}
