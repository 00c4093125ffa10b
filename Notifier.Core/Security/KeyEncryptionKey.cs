using System.Security.Cryptography;

namespace Notifier.Core.Security;

/// <summary>The 256-bit key <c>DataProtection:KeyEncryptionKey</c> holds, with a short public id to tell two keys apart.</summary>
public sealed class KeyEncryptionKey
{
    public const int Length = 32;

    private KeyEncryptionKey(byte[] bytes)
    {
        Bytes = bytes;
        // Not a secret: 4 bytes of a hash of the key, so an element encrypted under another key is named as such.
        Id = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 4));
    }

    internal byte[] Bytes { get; }

    public string Id { get; }

    /// <summary>The key <paramref name="base64"/> encodes; throws naming the setting (never its value) when it is not 32 bytes of base64.</summary>
    public static KeyEncryptionKey Parse(string base64)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != Length)
        {
            throw new InvalidOperationException(
                $"Not starting: {KeyRingOptions.SectionName}:{nameof(KeyRingOptions.KeyEncryptionKey)} must be {Length} random bytes in base64 " +
                "(make one with: openssl rand -base64 32).");
        }

        return new KeyEncryptionKey(buffer[..Length]);
    }
}
