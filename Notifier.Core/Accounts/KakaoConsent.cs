using Notifier.Core.Kakao;

namespace Notifier.Core.Accounts;

/// <summary>The consent item memo sends need, and how to read whether a person granted it.</summary>
public static class KakaoConsent
{
    /// <summary>"카카오톡 메시지 전송": without it Kakao refuses every memo (-402).</summary>
    public const string Messages = "talk_message";

    /// <summary>The reason stored on an account whose owner did not allow messages, at connect or later.</summary>
    public const string MessagesNotAllowedReason =
        "Sending KakaoTalk messages is not allowed (the talk_message consent was not given); allow it to resume sending";

    /// <summary>Whether a token response's <c>scope</c> (space-separated, kakao-api.md §2) includes <see cref="Messages"/>.</summary>
    public static bool Includes(string? scope) =>
        scope is not null && scope.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Contains(Messages, StringComparer.Ordinal);

    /// <summary>Whether <c>/v2/user/scopes</c> says the person agreed to <see cref="Messages"/>.</summary>
    public static bool Agreed(KakaoScopes scopes) => scopes.Scopes.Any(s => s.Id == Messages && s.Agreed);
}
