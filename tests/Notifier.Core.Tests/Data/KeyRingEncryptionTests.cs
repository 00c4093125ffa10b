using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Security;
using Notifier.Testing.Hosting;

namespace Notifier.Core.Tests.Data;

/// <summary>The AES-GCM encryptor and decryptor of the key ring, on their own.</summary>
public sealed class KeyRingEncryptionTests
{
    private static readonly XElement Key = XElement.Parse("""<key id="1"><descriptor><masterKey>c2VjcmV0</masterKey></descriptor></key>""");

    [Fact]
    public void Encrypt_ThenDecrypt_GivesTheElementBack_AndTheCiphertextHidesIt()
    {
        var kek = KeyEncryptionKey.Parse(TestHost.KeyEncryptionKey);

        var encrypted = new AesGcmXmlEncryptor(kek).Encrypt(Key);

        Assert.Equal(typeof(AesGcmXmlDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("masterKey", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(Key.ToString(), Decryptor(kek).Decrypt(encrypted.EncryptedElement).ToString());
    }

    [Fact]
    public void EachEncryption_UsesAFreshNonce()
    {
        var encryptor = new AesGcmXmlEncryptor(KeyEncryptionKey.Parse(TestHost.KeyEncryptionKey));

        Assert.NotEqual(encryptor.Encrypt(Key).EncryptedElement.ToString(), encryptor.Encrypt(Key).EncryptedElement.ToString());
    }

    [Fact]
    public void ATamperedElement_IsRefused()
    {
        var kek = KeyEncryptionKey.Parse(TestHost.KeyEncryptionKey);
        var element = new AesGcmXmlEncryptor(kek).Encrypt(Key).EncryptedElement;
        var value = element.Elements().Single();
        var bytes = Convert.FromBase64String(value.Value);
        bytes[^1] ^= 1;
        value.Value = Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => Decryptor(kek).Decrypt(element));
    }

    [Fact]
    public void AnotherKey_OrNoKey_CannotDecrypt_AndTheErrorNamesTheSetting()
    {
        var element = new AesGcmXmlEncryptor(KeyEncryptionKey.Parse(TestHost.KeyEncryptionKey)).Encrypt(Key).EncryptedElement;
        var other = KeyEncryptionKey.Parse(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var wrong = Assert.ThrowsAny<CryptographicException>(() => Decryptor(other).Decrypt(element));
        var none = Assert.ThrowsAny<CryptographicException>(() => Decryptor(null).Decrypt(element));

        Assert.Contains("DataProtection:KeyEncryptionKey", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:KeyEncryptionKey", none.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")] // 5 bytes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 54 bytes
    public void AKeyThatIsNot32BytesOfBase64_IsRefusedNamingTheSetting_NotTheValue(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.Parse(value));

        Assert.Contains("DataProtection:KeyEncryptionKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, refused.Message, StringComparison.Ordinal);
    }

    private static AesGcmXmlDecryptor Decryptor(KeyEncryptionKey? kek)
    {
        var services = new ServiceCollection();
        if (kek is not null)
        {
            services.AddSingleton(kek);
        }

        return new AesGcmXmlDecryptor(services.BuildServiceProvider());
    }
}
