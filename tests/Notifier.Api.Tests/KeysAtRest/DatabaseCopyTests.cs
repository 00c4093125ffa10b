using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Api.Tests.Support;
using Notifier.Core;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.KeysAtRest;

/// <summary>
/// The key ring encrypted at rest under <c>DataProtection:KeyEncryptionKey</c>: a copy of the database alone yields
/// neither a Kakao token nor a valid owner cookie; with the key the same copy works. On each database.
/// </summary>
[RunsLong]
public abstract class DatabaseCopyTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private const long KakaoUserId = 9301;

    [Fact]
    public async Task ACopyOfTheDatabase_WithoutTheKeyEncryptionKey_YieldsNoTokenAndNoSession_AndWithItWorks()
    {
        using var kakao = new KakaoFake();
        string[] cookies;
        await using (var original = new NotifierApiFactory(Settings(database.Settings, kakao)))
        {
            using var browser = original.CreateBrowser();
            using var connected = await KakaoBrowserFlow.ConnectAsync(browser, kakao, KakaoUserId, "Copied");
            Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
            cookies = connected.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToArray();
            Assert.Equal(HttpStatusCode.OK, await OwnerPageAsync(original, cookies));
        }

        var copy = await DatabaseCopy.CopyAsync(database);
        try
        {
            var keys = await KeyRingXmlAsync(copy, kakao);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
            Assert.All(keys, xml => Assert.Contains("AesGcmXmlDecryptor", xml, StringComparison.Ordinal));

            await using (var thief = new NotifierApiFactory(Settings(copy, kakao, withKey: false)))
            {
                Assert.NotEqual(HttpStatusCode.OK, await OwnerPageAsync(thief, cookies));
                var account = await AccountAsync(thief);
                var vault = thief.Services.GetRequiredService<TokenVault>();
                Assert.ThrowsAny<CryptographicException>(() => vault.ReadAccessToken(account));
                Assert.ThrowsAny<CryptographicException>(() => vault.ReadRefreshToken(account));
            }

            await using var owner = new NotifierApiFactory(Settings(copy, kakao));
            Assert.Equal(HttpStatusCode.OK, await OwnerPageAsync(owner, cookies));
            var restored = await AccountAsync(owner);
            Assert.Contains(owner.Services.GetRequiredService<TokenVault>().ReadAccessToken(restored), kakao.IssuedSecrets);
        }
        finally
        {
            if (database.Provider == DatabaseProvider.MariaDb)
            {
                await TestMariaDb.DropDatabaseAsync(copy[$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"]!);
            }
        }
    }

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> databaseSettings, KakaoFake kakao, bool withKey = true) =>
        TestHost.Settings(databaseSettings, kakao, new Dictionary<string, string?>
        {
            ["Api:Keys:0"] = NotifierApiFactory.ApiKey,
            // The copy's holder has everything but the key; MariaDB outside Development needs this to start without one.
            ["DataProtection:KeyEncryptionKey"] = withKey ? TestHost.KeyEncryptionKey : "",
            ["DataProtection:AllowUnencryptedKeys"] = withKey ? "false" : "true",
        });

    /// <summary>The owner's account page with only these cookies (a browser of someone else, holding the cookie).</summary>
    private static async Task<HttpStatusCode> OwnerPageAsync(NotifierApiFactory factory, string[] cookies)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/schedules");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<Account> AccountAsync(NotifierApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking().SingleAsync(a => a.KakaoUserId == KakaoUserId);
    }

    private static async Task<List<string>> KeyRingXmlAsync(IReadOnlyDictionary<string, string?> databaseSettings, KakaoFake kakao)
    {
        var builder = TestHost.CreateBuilder(TestHost.Settings(databaseSettings, kakao));
        builder.AddNotifierCore();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
    }
}

public sealed class DatabaseCopyTestsOnMariaDb(MariaDbDatabase database) : DatabaseCopyTests<MariaDbDatabase>(database);

public sealed class DatabaseCopyTestsOnSqlite(SqliteDatabase database) : DatabaseCopyTests<SqliteDatabase>(database);
