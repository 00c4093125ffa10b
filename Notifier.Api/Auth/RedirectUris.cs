using Notifier.Core.Kakao;

namespace Notifier.Api.Auth;

internal static class RedirectUris
{
    public const string CallbackPath = "/auth/kakao/callback";

    /// <summary><c>Kakao:RedirectUri</c> when set (it must equal the one registered at Kakao), else derived from the request.</summary>
    public static string For(HttpRequest request, KakaoOptions options) =>
        string.IsNullOrWhiteSpace(options.RedirectUri)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{CallbackPath}"
            : options.RedirectUri;
}
