namespace Notifier.Core.Kakao;

/// <summary>Kakao could not be reached, timed out, or answered with a server error or a body we cannot read.</summary>
public sealed class KakaoUnavailableException(string message, bool outcomeUnknown = false, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>
    /// True when the request may have reached Kakao and been acted on (a timeout, a connection lost mid-answer):
    /// Kakao has no idempotency key, so the caller must not assume nothing happened.
    /// </summary>
    public bool OutcomeUnknown { get; } = outcomeUnknown;
}
