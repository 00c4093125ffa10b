using Notifier.Core.Accounts;
using Notifier.Core.Kakao;

namespace Notifier.Core.Deliveries;

/// <summary>
/// What one send attempt came to, decided from Kakao's <c>code</c> (never its message text). The HTTP status counts only
/// where Kakao's code says nothing: a 2xx is always sent, a 504 or a 5xx without Kakao's body is unknown (decision 0003).
/// </summary>
public abstract record SendOutcome(string? Reason)
{
    /// <summary>Kakao took the memo; <see cref="Note"/> says what was odd about its answer, if anything.</summary>
    public sealed record Sent(string? Note = null) : SendOutcome(Note);

    /// <summary>Try again after a backoff, until the attempt limit.</summary>
    public sealed record Retry(string Why) : SendOutcome(Why);

    /// <summary>Never sent; when <see cref="FlagAccount"/> is set the account needs its owner.</summary>
    public sealed record Failed(string Why, AccountStatus? FlagAccount = null) : SendOutcome(Why);

    /// <summary>
    /// A quota is used up: wait, without counting an attempt. <see cref="QuotaExhausted"/>: Kakao's daily counter is full.
    /// <see cref="AppWide"/>: the quota is the whole app's (every account waits), otherwise this account's.
    /// </summary>
    public sealed record Postponed(DateTime Until, string Why, bool QuotaExhausted, bool AppWide = false) : SendOutcome(Why);

    /// <summary>
    /// Kakao limits the whole app's request rate (<c>-10</c>): every account waits, from a minute, doubling up to an hour
    /// while the limit persists. The wait is decided from the database (<see cref="AppRateLimits"/>), so dispatchers agree.
    /// </summary>
    public sealed record RateLimited(string Why) : SendOutcome(Why);

    /// <summary>The request may have been acted on by Kakao; not resent (docs/decisions/0003).</summary>
    public sealed record Unknown(string Why) : SendOutcome(Why);

    /// <summary>Kakao's answer to a memo send, as an outcome. <c>-401</c> is handled by the sender (refresh once and resend).</summary>
    public static SendOutcome FromException(Exception exception, DateTime nowUtc) => exception switch
    {
        KakaoApiException { Code: -401 } => new Failed("Kakao rejected the access token right after a refresh (-401): check the app's IP allow-list and platform settings, or connect again", AccountStatus.ReauthorizationRequired),
        KakaoApiException { Code: -402 } => new Failed("The account has not consented to talk_message (-402): connect KakaoTalk again and accept sending messages", AccountStatus.ReauthorizationRequired),
        KakaoApiException { Code: -101 } => new Failed("The account is no longer linked to the Kakao app (-101): connect KakaoTalk again", AccountStatus.ReauthorizationRequired),
        KakaoApiException { Code: -3 } => new Failed("The Kakao app has not enabled the talk_message consent item (-3): the owner must enable it on Kakao Developers"),
        KakaoApiException { Code: -2 } => new Failed("Kakao rejected the template as malformed (-2)"),
        KakaoApiException { Code: -501 } => new Failed("The account is not a KakaoTalk user or is on hold (-501)"),
        KakaoApiException { Code: -530 } => new Failed("The recipient refuses messages (-530)"),
        KakaoApiException { Code: -10 } => new RateLimited("Kakao limits the app's request rate (-10)"),
        KakaoApiException { Code: -532 or -533 or -536 } api => new Postponed(KoreanTime.NextMidnightUtc(nowUtc), $"Kakao's daily message quota is used up ({api.Code}); waits for the next day (00:00 KST)", QuotaExhausted: true),
        KakaoApiException { Code: -531 } => new Postponed(KoreanTime.NextMonthUtc(nowUtc), "Kakao's monthly message quota is used up (-531); waits for the next month (KST)", QuotaExhausted: false),
        KakaoApiException { Code: -603 } => new Unknown("Kakao timed out internally (-603): the memo may or may not have arrived, so it is not resent"),
        KakaoApiException { Code: -1 or -7 or -9798 } api => new Retry($"Kakao is failing or in maintenance ({api.Code}, HTTP {api.HttpStatus}): it did not take the memo"),
        KakaoApiException { HttpStatus: 504 } api => new Unknown($"Kakao's gateway timed out (HTTP 504, {api.Code}): the memo may or may not have arrived, so it is not resent"),
        KakaoApiException { HttpStatus: >= 500 } api => new Retry($"Kakao answered HTTP {api.HttpStatus} ({api.Code}): it did not take the memo"),
        KakaoApiException api => new Failed($"Kakao refused the memo ({api.Code}, HTTP {api.HttpStatus})"),
        KakaoUnavailableException { OutcomeUnknown: true } unknown => new Unknown($"After the request was sent: {unknown.Message} The memo may or may not have arrived, so it is not resent"),
        KakaoUnavailableException unavailable => new Retry(unavailable.Message),
        AccountUnavailableException account => new Failed($"Not sent: {account.Message}"),
        KakaoAuthException { IsIssuanceRateLimited: true } => new Postponed(nowUtc + KakaoAuthException.IssuanceRateLimitWait,
            "Kakao limits how often this account's tokens may be issued (KOE237); the account's messages wait 10 minutes", QuotaExhausted: false),
        KakaoAuthException auth => new Retry($"Refreshing the access token failed ({auth.ErrorCode})"),
        _ => new Retry($"Unexpected error ({exception.GetType().Name})"),
    };
}
