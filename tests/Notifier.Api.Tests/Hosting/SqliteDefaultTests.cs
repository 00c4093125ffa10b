using System.Net;
using Microsoft.Data.Sqlite;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Hosting;

/// <summary>The embedded default: no provider or connection string, a SQLite file (here in a temporary folder).</summary>
public sealed class SqliteDefaultTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("notifier-sqlite-").FullName;
    private readonly KakaoFake _kakao = new();

    [Fact]
    public async Task DefaultSettings_CreateTheSqliteFile_AndTheWholeConnectWorks()
    {
        var file = Path.Combine(_contentRoot, "notifier.db");
        var settings = NotifierApiFactory.Settings("", _kakao, new Dictionary<string, string?> { ["Database:SqliteFile"] = file });
        settings.Remove("Database:Provider");
        settings.Remove("ConnectionStrings:Notifier");
        await using var factory = new NotifierApiFactory(settings);
        using var browser = factory.CreateBrowser();

        using var callback = await KakaoBrowserFlow.ConnectAsync(browser, _kakao, 7001, "On SQLite");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Contains("On SQLite", await browser.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT Nickname, AccessTokenCipher FROM accounts WHERE KakaoUserId = 7001", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("On SQLite", reader.GetString(0));
        Assert.DoesNotContain("access-", reader.GetString(1), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _kakao.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }
}
