using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Notifier.Core.Kakao;

/// <summary>Kakao Login: the authorize URL, the code exchange and the refresh grant.</summary>
public sealed class KakaoAuthClient(IKakaoAuthApi api, IOptionsMonitor<KakaoOptions> options)
{
    /// <summary>The consent items Notifier asks for.</summary>
    public const string Scopes = "talk_message,profile_nickname";

    private KakaoOptions Options => options.CurrentValue;

    /// <summary>
    /// The URL of Kakao's consent page for a browser sign-in with PKCE (S256). <paramref name="scope"/> narrows what is
    /// asked: <c>talk_message</c> alone is Kakao's additional-consent request.
    /// </summary>
    public Uri BuildAuthorizeUri(string redirectUri, string state, string codeVerifier, string scope = Scopes)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = RequireRestApiKey(),
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = CodeChallenge(codeVerifier),
            ["code_challenge_method"] = "S256",
        };
        return new Uri(QueryHelpers.AddQueryString($"{Options.AuthBaseUrl.TrimEnd('/')}/oauth/authorize", query));
    }

    /// <summary>The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)).</summary>
    public static string CodeChallenge(string codeVerifier) =>
        Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));

    /// <summary>Exchanges an authorization code. Throws <see cref="KakaoAuthException"/> or <see cref="KakaoUnavailableException"/>.</summary>
    public Task<KakaoTokenResponse> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        RequestAsync(new KakaoTokenRequest
        {
            GrantType = "authorization_code",
            ClientId = RequireRestApiKey(),
            RedirectUri = redirectUri,
            Code = code,
            CodeVerifier = codeVerifier,
            ClientSecret = Secret(),
        }, cancellationToken);

    /// <summary>
    /// Presents a refresh token once. Never retry this call blindly: when Kakao rotates the refresh token the old one
    /// dies at once, so a lost answer followed by a retry would present a dead token.
    /// </summary>
    public Task<KakaoTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestAsync(new KakaoTokenRequest
        {
            GrantType = "refresh_token",
            ClientId = RequireRestApiKey(),
            RefreshToken = refreshToken,
            ClientSecret = Secret(),
        }, cancellationToken);

    private Task<KakaoTokenResponse> RequestAsync(KakaoTokenRequest request, CancellationToken cancellationToken) =>
        KakaoCall.RunAsync(() => api.RequestTokenAsync(request, cancellationToken), KakaoErrorReader.AuthError, cancellationToken);

    private string? Secret() => string.IsNullOrWhiteSpace(Options.ClientSecret) ? null : Options.ClientSecret;

    private string RequireRestApiKey() =>
        string.IsNullOrWhiteSpace(Options.RestApiKey)
            ? throw new InvalidOperationException($"{KakaoOptions.SectionName}:RestApiKey is not set.")
            : Options.RestApiKey;
}
