namespace Notifier.Core.Kakao;

/// <summary>
/// kauth answered a token request with an error (<c>KOE320</c>, <c>KOE322</c>, ...). The message carries only
/// Kakao's error identifiers, never its description, which can echo an authorization code.
/// </summary>
public sealed class KakaoAuthException(string errorCode, string error, int httpStatus)
    : Exception($"Kakao rejected the token request: {error} ({errorCode}, HTTP {httpStatus}).")
{
    public const string CodeNotFound = "KOE320";
    public const string RefreshTokenExpired = "KOE322";
    public const string BadClientCredentials = "KOE010";
    public const string InvalidAppKey = "KOE101";
    public const string RedirectUriMismatch = "KOE303";
    public const string BadRequestParameters = "KOE006";
    public const string TokenRateLimited = "KOE237";

    /// <summary>Kakao's <c>error_code</c>, or <c>unknown</c> when the body had none.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>Kakao's OAuth <c>error</c> (<c>invalid_grant</c>, <c>invalid_client</c>, ...).</summary>
    public string Error { get; } = error;

    public int HttpStatus { get; } = httpStatus;

    /// <summary>True when the refresh token is dead (expired, rotated away, or the user unlinked the app).</summary>
    public bool IsRefreshTokenDead => ErrorCode == RefreshTokenExpired;

    /// <summary>
    /// True when Kakao limits how often this user's tokens may be issued (<c>KOE237</c>): nothing is wrong with the
    /// tokens, the refresh can only be tried again later.
    /// </summary>
    public bool IsIssuanceRateLimited => ErrorCode == TokenRateLimited;

    /// <summary>How long to wait after <see cref="IsIssuanceRateLimited"/>: the window of Kakao's limit (kakao-api.md, KOE237).</summary>
    public static readonly TimeSpan IssuanceRateLimitWait = TimeSpan.FromMinutes(10);

    /// <summary>True when the error is Notifier's configuration, not the person's doing.</summary>
    public bool IsConfigurationError =>
        ErrorCode is BadClientCredentials or InvalidAppKey or RedirectUriMismatch or BadRequestParameters
        || Error is "invalid_client" or "unauthorized_client";
}
