using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Notifier.Core.Security;

/// <summary>
/// Encrypts each Data Protection key element with AES-256-GCM under <c>DataProtection:KeyEncryptionKey</c>: a fresh
/// 96-bit nonce per element, the 128-bit tag authenticating the ciphertext and a fixed context, so a changed or
/// swapped element fails to decrypt instead of yielding a wrong key. <see cref="AesGcmXmlDecryptor"/> reverses it.
/// </summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:notifier:key-ring:aes-gcm:v1";
    internal static readonly byte[] Context = Encoding.UTF8.GetBytes("Notifier.DataProtection.KeyRing.v1");
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Bytes, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Context);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(Namespace + "encryptedKey",
            new XComment(" This key is encrypted with AES-256-GCM under DataProtection:KeyEncryptionKey. "),
            new XAttribute("kek", key.Id),
            new XElement(Namespace + "value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}
