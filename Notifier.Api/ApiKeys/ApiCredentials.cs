using System.Buffers.Text;
using System.Text;

namespace Notifier.Api.ApiKeys;

/// <summary>
/// Reads the API key from a request in each form ntfy's clients send it: <c>Authorization: Bearer &lt;key&gt;</c>,
/// <c>Authorization: Basic base64(anyuser:&lt;key&gt;)</c> (the key as the password), or <c>?auth=</c> holding the
/// base64 (URL-safe or standard, padded or not) of such an Authorization header value.
/// </summary>
internal static class ApiCredentials
{
    public const string QueryParameter = "auth";

    /// <summary>What a request presented.</summary>
    public abstract record Presented
    {
        /// <summary>No credentials at all.</summary>
        public sealed record None : Presented;

        /// <summary>Something that is not a usable credential; <see cref="Why"/> never repeats the value.</summary>
        public sealed record Malformed(string Why) : Presented;

        /// <param name="UserName">The user name of a Basic credential (any name; ntfy's account API answers it back).</param>
        public sealed record Key(string Value, string? UserName = null) : Presented;
    }

    public static Presented Read(HttpRequest request)
    {
        var headers = request.Headers.Authorization;
        var queries = request.Query[QueryParameter];
        if (headers.Count == 0 && queries.Count == 0)
        {
            return new Presented.None();
        }

        if (headers.Count + queries.Count > 1)
        {
            return new Presented.Malformed("Send one credential: one Authorization header or one 'auth' query parameter, not several.");
        }

        if (headers.Count == 1)
        {
            return FromAuthorization(headers[0] ?? "", "The Authorization header");
        }

        var decoded = DecodeBase64(queries[0] ?? "");
        return decoded is null
            ? new Presented.Malformed("The 'auth' query parameter must be the base64 of an Authorization header value, such as base64(\"Bearer <key>\").")
            : FromAuthorization(decoded, "The Authorization value in 'auth'");
    }

    private static Presented FromAuthorization(string value, string where)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? value : value[..space];
        var parameter = space < 0 ? "" : value[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return IsKey(parameter) ? new Presented.Key(parameter) : new Presented.Malformed($"{where} has no key after 'Bearer'.");
        }

        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            // Basic: any user name, the key as the password (ntfy's clients send "user:password" this way).
            var pair = DecodeBase64(parameter);
            var colon = pair?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            return colon >= 0 && IsKey(pair![(colon + 1)..])
                ? new Presented.Key(pair[(colon + 1)..], pair[..colon])
                : new Presented.Malformed($"{where} is Basic but not base64 of 'user:<key>' with the key as the password.");
        }

        return new Presented.Malformed($"{where} must be 'Bearer <key>' or 'Basic base64(user:<key>)'.");
    }

    private static bool IsKey(string key) => key.Length is > 0 and <= 1000 && !key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>UTF-8 text from base64 in either alphabet, with or without padding; null when it is not that.</summary>
    private static string? DecodeBase64(string text)
    {
        if (text.Length is 0 or > 4000)
        {
            return null;
        }

        var normalized = text.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (!Base64Url.IsValid(normalized, out var length))
        {
            return null;
        }

        var bytes = new byte[length];
        if (!Base64Url.TryDecodeFromChars(normalized, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
