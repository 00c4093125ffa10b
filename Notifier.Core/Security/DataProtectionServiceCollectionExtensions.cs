using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Notifier.Core.Data;

namespace Notifier.Core.Security;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The application name every Notifier process shares, so their protectors agree.</summary>
    public const string ApplicationName = "Notifier";

    /// <summary>
    /// Data Protection with its key ring in the database (register the database first), encrypted there with
    /// <c>DataProtection:KeyEncryptionKey</c> or <c>DataProtection:CertificatePath</c>. With neither, MariaDB outside
    /// Development refuses to start unless <c>DataProtection:AllowUnencryptedKeys</c> is true; the rest warns once.
    /// </summary>
    public static IServiceCollection AddNotifierDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var provider = (configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider;
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        var kek = string.IsNullOrWhiteSpace(options.KeyEncryptionKey) ? null : KeyEncryptionKey.Parse(options.KeyEncryptionKey);
        var certificatePath = string.IsNullOrWhiteSpace(options.CertificatePath) ? null : options.CertificatePath;
        if (kek is not null && certificatePath is not null)
        {
            throw new InvalidOperationException(
                "Not starting: set one of DataProtection:KeyEncryptionKey and DataProtection:CertificatePath, not both.");
        }

        // Old keys stay readable whatever is set: a plain key needs no decryptor, an encrypted one names its own.
        services.AddSingleton<AesGcmXmlDecryptor>();
        if (kek is not null)
        {
            services.AddSingleton(kek);
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(kek));
        }
        else if (certificatePath is not null)
        {
            var certificate = LoadCertificate(certificatePath, options.CertificatePassword);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (provider == DatabaseProvider.MariaDb && !environment.IsDevelopment() && !options.AllowUnencryptedKeys)
        {
            throw new InvalidOperationException(
                "Not starting: the Data Protection key ring, which decrypts every stored Kakao token and signs owner cookies, would be stored " +
                "unencrypted in MariaDB, next to the tokens. Set DataProtection:KeyEncryptionKey (make one with: openssl rand -base64 32) or " +
                "DataProtection:CertificatePath, or set DataProtection:AllowUnencryptedKeys=true to accept that a copy of the database yields every token.");
        }
        else
        {
            // Stored as plainly as without an encryptor, but said once by us (below) instead of at every new key.
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor ??= new NullXmlEncryptor());
            services.AddHostedService<UnencryptedKeyRingWarning>();
        }

        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Not starting: DataProtection:CertificatePath names a file that does not exist ({path}).");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException("Not starting: the certificate in DataProtection:CertificatePath has no private key; give the .pfx with its key.");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException(
                "Not starting: DataProtection:CertificatePath could not be read as a PKCS#12 (.pfx) file with DataProtection:CertificatePassword.");
        }
    }
}
