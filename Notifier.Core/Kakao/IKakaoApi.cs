using Refit;

namespace Notifier.Core.Kakao;

/// <summary>Kakao's API server (kapi), called with a user's access token.</summary>
public interface IKakaoApi
{
    [Get("/v2/user/me")]
    Task<IApiResponse<KakaoUser>> GetMeAsync(
        [Authorize("Bearer")] string accessToken,
        CancellationToken cancellationToken);

    [Get("/v1/user/access_token_info")]
    Task<IApiResponse<KakaoAccessTokenInfo>> GetAccessTokenInfoAsync(
        [Authorize("Bearer")] string accessToken,
        CancellationToken cancellationToken);

    [Get("/v2/user/scopes")]
    Task<IApiResponse<KakaoScopes>> GetScopesAsync(
        [Authorize("Bearer")] string accessToken,
        CancellationToken cancellationToken);

    [Post("/v1/user/unlink")]
    Task<IApiResponse<KakaoUnlinkResult>> UnlinkAsync(
        [Authorize("Bearer")] string accessToken,
        CancellationToken cancellationToken);

    [Post("/v2/api/talk/memo/default/send")]
    [Headers("Content-Type: application/x-www-form-urlencoded;charset=utf-8")]
    Task<IApiResponse<KakaoMemoResult>> SendMemoAsync(
        [Authorize("Bearer")] string accessToken,
        [Body(BodySerializationMethod.UrlEncoded)] KakaoMemoRequest request,
        CancellationToken cancellationToken);

    [Post("/v2/api/talk/memo/send")]
    [Headers("Content-Type: application/x-www-form-urlencoded;charset=utf-8")]
    Task<IApiResponse<KakaoMemoResult>> SendCustomMemoAsync(
        [Authorize("Bearer")] string accessToken,
        [Body(BodySerializationMethod.UrlEncoded)] KakaoCustomMemoRequest request,
        CancellationToken cancellationToken);

    [Post("/v2/api/talk/memo/scrap/send")]
    [Headers("Content-Type: application/x-www-form-urlencoded;charset=utf-8")]
    Task<IApiResponse<KakaoMemoResult>> SendScrapMemoAsync(
        [Authorize("Bearer")] string accessToken,
        [Body(BodySerializationMethod.UrlEncoded)] KakaoScrapMemoRequest request,
        CancellationToken cancellationToken);
}
