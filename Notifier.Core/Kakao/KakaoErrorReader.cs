using System.Text.Json;
using System.Text.RegularExpressions;

namespace Notifier.Core.Kakao;

/// <summary>Turns Kakao's error bodies into typed exceptions, branching on codes, never on message text.</summary>
internal static partial class KakaoErrorReader
{
    public static Exception AuthError(int status, string? body)
    {
        var parsed = TryParse(body, KakaoJsonContext.Default.KakaoAuthErrorBody);
        if (status >= 500 || parsed is null || (parsed.ErrorCode is null && parsed.Error is null))
        {
            return new KakaoUnavailableException($"Kakao's token endpoint answered HTTP {status} without a usable error.");
        }

        return new KakaoAuthException(Identifier(parsed.ErrorCode) ?? "unknown", Identifier(parsed.Error) ?? "unknown", status);
    }

    public static Exception ApiError(int status, string? body)
    {
        var parsed = TryParse(body, KakaoJsonContext.Default.KakaoApiErrorBody);
        if (parsed?.Code is { } code)
        {
            return new KakaoApiException(code, status);
        }

        return new KakaoUnavailableException($"Kakao's API answered HTTP {status} without a usable error.");
    }

    /// <summary>
    /// A memo send's non-2xx answer. Without Kakao's error body a 5xx came from something in between (a proxy's 502 or
    /// 504 page) after the request left: Kakao may have taken the memo, so the outcome is unknown. A 4xx without it was
    /// refused before anything was sent.
    /// </summary>
    public static Exception MemoError(int status, string? body)
    {
        if (TryParse(body, KakaoJsonContext.Default.KakaoApiErrorBody)?.Code is { } code)
        {
            return new KakaoApiException(code, status);
        }

        return status >= 500
            ? new KakaoUnavailableException($"Kakao's API answered HTTP {status} without Kakao's error body (a proxy or gateway page).", outcomeUnknown: true)
            : new KakaoUnavailableException($"Kakao's API answered HTTP {status} without a usable error.");
    }

    private static T? TryParse<T>(string? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Only short identifiers reach a message: anything else from a body could carry a code or a token.
    private static string? Identifier(string? value) =>
        value is not null && IdentifierPattern().IsMatch(value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex IdentifierPattern();
}
