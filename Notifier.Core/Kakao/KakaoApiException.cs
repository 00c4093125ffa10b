namespace Notifier.Core.Kakao;

/// <summary>kapi answered with its error body; <see cref="Code"/> is Kakao's negative code.</summary>
public sealed class KakaoApiException(int code, int httpStatus)
    : Exception($"Kakao API error {code} (HTTP {httpStatus}).")
{
    public const int InvalidToken = -401;
    public const int ConsentMissing = -402;

    public int Code { get; } = code;

    public int HttpStatus { get; } = httpStatus;
}
