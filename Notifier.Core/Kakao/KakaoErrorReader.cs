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
