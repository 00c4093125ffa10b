using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Notifier.Core.Owners;

/// <summary>An invite's secret: 256 random bits as base64url in the link, only its SHA-256 in the database.</summary>
public static class InviteTokens
{
    /// <summary>A fresh token (43 characters).</summary>
    public static string Create() => Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of <paramref name="token"/>. A random 256-bit secret needs no salt or slow hash.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> has the shape <see cref="Create"/> gives (checked before any lookup).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
