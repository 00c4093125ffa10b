using Microsoft.Data.Sqlite;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Proxy;

/// <summary>A proxy or public-URL setting that cannot be right stops the Api at start, naming the setting.</summary>
public sealed class ProxySettingsValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notifier-proxy-settings-").FullName;

    [Theory]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/33", "Proxy:KnownNetworks: '10.0.0.0/33'")]
    [InlineData("Proxy:KnownNetworks", "172.16.0.0/12,docker", "Proxy:KnownNetworks: 'docker'")]
    [InlineData("Proxy:KnownProxies:0", "10.0.0.300", "Proxy:KnownProxies: '10.0.0.300'")]
    [InlineData("Notifier:PublicUrl", "notifier.example.com", "Notifier:PublicUrl must be an absolute http or https URL")]
    [InlineData("Notifier:PublicUrl", "ftp://notifier.example.com", "Notifier:PublicUrl must be an absolute http or https URL")]
    [InlineData("Notifier:PublicUrl", "https://notifier.example.com/?x=1", "Notifier:PublicUrl must be an absolute http or https URL")]
    public void ABadSetting_StopsTheApiAtStart_WithAMessageNamingIt(string key, string value, string expected)
    {
        using var factory = new NotifierApiFactory(Settings(key, value));

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(expected, Messages(error), StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(string key, string value) => new()
    {
        ["Database:SqliteFile"] = Path.Combine(_directory, "notifier.db"),
        ["Kakao:RestApiKey"] = KakaoFake.RestApiKey,
        [key] = value,
    };

    /// <summary>The messages of the error and everything inside it.</summary>
    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join(" | ", all.Flatten().InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + " | " + Messages(inner),
        _ => error.Message,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
