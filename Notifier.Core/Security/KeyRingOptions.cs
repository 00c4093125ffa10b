namespace Notifier.Core.Security;

/// <summary>
/// How the Data Protection key ring (which decrypts every stored Kakao token and signs owner cookies) is encrypted in
/// the database (section <c>DataProtection</c>). At most one of <see cref="KeyEncryptionKey"/> and
/// <see cref="CertificatePath"/>; see docs/decisions/0012-key-ring-encrypted-at-rest.md.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A 32-byte key, base64 (<c>openssl rand -base64 32</c>), from the environment, never stored in the database.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the key ring (<c>ProtectKeysWithCertificate</c>).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Lets MariaDB run with a plain key ring outside Development (a deliberate choice: a copy of the database then yields every token).</summary>
    public bool AllowUnencryptedKeys { get; set; }
}
