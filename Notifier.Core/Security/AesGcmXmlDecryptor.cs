using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Notifier.Core.Security;

/// <summary>
/// Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote. Data Protection creates it by type from the key's XML, through
/// the service provider (it is also registered as a service): without <c>DataProtection:KeyEncryptionKey</c>, or with
/// another key, the element cannot be opened and the error says which setting to look at.
/// </summary>
public sealed class AesGcmXmlDecryptor : IXmlDecryptor
{
    private readonly KeyEncryptionKey? _key;

    public AesGcmXmlDecryptor(IServiceProvider services) => _key = services.GetService<KeyEncryptionKey>();

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var id = (string?)encryptedElement.Attribute("kek");
        if (_key is null)
        {
            throw new CryptographicException(
                $"The key ring is encrypted with a key-encryption key (id {id}), and DataProtection:KeyEncryptionKey is not set in this process.");
        }

        if (id != _key.Id)
        {
            throw new CryptographicException(
                $"This key was encrypted with another DataProtection:KeyEncryptionKey (id {id}); this process has id {_key.Id}.");
        }

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element(AesGcmXmlEncryptor.Namespace + "value")
            ?? throw new CryptographicException("The encrypted key has no value."));
        const int header = AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize;
        if (sealedBytes.Length <= header)
        {
            throw new CryptographicException("The encrypted key is truncated.");
        }

        var plaintext = new byte[sealedBytes.Length - header];
        using (var aes = new AesGcm(_key.Bytes, AesGcmXmlEncryptor.TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceSize), sealedBytes.AsSpan(header), sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize, AesGcmXmlEncryptor.TagSize),
                plaintext, AesGcmXmlEncryptor.Context);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
