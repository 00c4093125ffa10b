using System.Security.Cryptography;
using System.Text;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>GitHub's <c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body under the webhook's secret.</summary>
internal static class GitHubSignature
{
    public const string Header = "X-Hub-Signature-256";

    public static string Compute(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time: how much of a wrong signature matched says nothing.</summary>
    public static bool IsValid(string secret, byte[] body, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(presented.Trim()));
}
