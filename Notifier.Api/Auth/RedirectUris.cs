using Notifier.Core;
using Notifier.Core.Kakao;

namespace Notifier.Api.Auth;

internal static class RedirectUris
{
    public const string CallbackPath = "/auth/kakao/callback";

    /// <summary>
    /// <c>Kakao:RedirectUri</c> when set (it must equal the one registered at Kakao); else under <c>Notifier:PublicUrl</c>
    /// when that is set (never the request's Host header); else derived from the request (after forwarded headers).
    /// </summary>
    public static string For(HttpRequest request, KakaoOptions kakao, NotifierOptions notifier)
    {
        if (!string.IsNullOrWhiteSpace(kakao.RedirectUri))
        {
            return kakao.RedirectUri;
        }

        return notifier.PublicUri is { } publicUri
            ? publicUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + CallbackPath
            : $"{request.Scheme}://{request.Host}{request.PathBase}{CallbackPath}";
    }
}
