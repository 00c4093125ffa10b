using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Kakao;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Logging;
using Serilog.Core;

namespace Notifier.Core.Tests.Data;

/// <summary>What each key-ring setting does at start, and a key ring that gains a key-encryption key later, on each database.</summary>
public abstract class KeyRingStartTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> NoKey = new() { ["DataProtection:KeyEncryptionKey"] = "" };

    [Fact]
    public void NoKey_OutsideDevelopment_OnMariaDb_RefusesToStart_UnlessUnencryptedKeysAreAllowed()
    {
        var refused = Record.Exception(() => Build(NoKey).Dispose());
        var allowed = Record.Exception(() => Build(NoKey, new() { ["DataProtection:AllowUnencryptedKeys"] = "true" }).Dispose());
        var development = Record.Exception(() => Build(NoKey, environment: "Development").Dispose());

        if (database.Provider == DatabaseProvider.MariaDb)
        {
            var message = Assert.IsType<InvalidOperationException>(refused).Message;
            Assert.Contains("DataProtection:KeyEncryptionKey", message, StringComparison.Ordinal);
            Assert.Contains("DataProtection:AllowUnencryptedKeys", message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(refused); // the embedded default starts as before
        }

        Assert.Null(allowed);
        Assert.Null(development);
    }

    [Fact]
    public async Task NoKey_WarnsOnce_AtStart()
    {
        var logs = new CapturedLogs();
        using var host = Build(NoKey, new() { ["DataProtection:AllowUnencryptedKeys"] = "true" }, logs: logs);
        await host.StartAsync();
        Protect(host, "warned");
        await host.StopAsync();

        Assert.Single(logs.Lines, l => l.Contains("key ring is stored unencrypted", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("No XML encryptor configured", StringComparison.Ordinal));
    }

    [Fact]
    public void BothAKeyAndACertificate_RefuseToStart()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Build(new() { ["DataProtection:CertificatePath"] = "/nowhere.pfx" }));

        Assert.Contains("not both", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainKeyRing_GivenAKeyLater_StillReadsItsTokens_AndItsNewKeysAreEncrypted()
    {
        await ClearKeysAsync();
        Account account;
        using (var plain = Build(NoKey, new() { ["DataProtection:AllowUnencryptedKeys"] = "true" }))
        {
            await plain.StartAsync();
            account = Protect(plain, "before-the-key");
            await plain.StopAsync();
        }

        using var keyed = Build();
        await keyed.StartAsync();
        var vault = keyed.Services.GetRequiredService<TokenVault>();
        Assert.Equal("before-the-key-access", vault.ReadAccessToken(account));
        keyed.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var keys = await KeyXmlAsync(keyed);
        Assert.Equal(2, keys.Count);
        Assert.DoesNotContain("AesGcmXmlDecryptor", keys[0], StringComparison.Ordinal);
        Assert.Contains("AesGcmXmlDecryptor", keys[1], StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keys[1], StringComparison.Ordinal);
        Assert.Equal("before-the-key-access", vault.ReadAccessToken(account));
        await keyed.StopAsync();
    }

    [Fact]
    public async Task ACertificate_EncryptsTheKeyRing_AndTheSameCertificateReadsIt()
    {
        await ClearKeysAsync();
        var path = Path.Combine(Directory.CreateTempSubdirectory("notifier-cert-").FullName, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Notifier key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        var withCertificate = new Dictionary<string, string?>(NoKey) { ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = "pfx-password" };
        Account account;
        using (var first = Build(withCertificate))
        {
            await first.StartAsync();
            account = Protect(first, "certified");
            Assert.All(await KeyXmlAsync(first), xml => Assert.Contains("X509", xml, StringComparison.Ordinal));
            Assert.All(await KeyXmlAsync(first), xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
            await first.StopAsync();
        }

        using var second = Build(withCertificate);
        await second.StartAsync();
        Assert.Equal("certified-access", second.Services.GetRequiredService<TokenVault>().ReadAccessToken(account));
        await second.StopAsync();
    }

    private IHost Build(Dictionary<string, string?>? settings = null, Dictionary<string, string?>? more = null, string environment = "Testing", CapturedLogs? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(TestHost.Settings(database.Settings, null, settings, more));
        if (logs is not null)
        {
            builder.Services.AddSingleton<ILogEventSink>(logs);
        }

        builder.AddNotifierCore();
        return builder.Build();
    }

    private static Account Protect(IHost host, string marker)
    {
        var account = new Account();
        host.Services.GetRequiredService<TokenVault>().Apply(account,
            new KakaoTokenResponse { AccessToken = $"{marker}-access", ExpiresIn = 60, RefreshToken = $"{marker}-refresh", RefreshTokenExpiresIn = 120 }, DateTime.UtcNow);
        return account;
    }

    private static async Task<List<string>> KeyXmlAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToListAsync();
    }

    private async Task ClearKeysAsync()
    {
        using var host = Build();
        await host.StartAsync(); // migrates
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().DataProtectionKeys.ExecuteDeleteAsync();
        }

        await host.StopAsync();
    }
}

public sealed class KeyRingStartTestsOnMariaDb(MariaDbDatabase database) : KeyRingStartTests<MariaDbDatabase>(database);

public sealed class KeyRingStartTestsOnSqlite(SqliteDatabase database) : KeyRingStartTests<SqliteDatabase>(database);
