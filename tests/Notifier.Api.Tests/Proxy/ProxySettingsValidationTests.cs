using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Proxy;

/// <summary>A proxy or public-URL setting that cannot be right stops the Api at start, naming the setting.</summary>
public sealed class ProxySettingsValidationTests : IDisposable
{
    private readonly OneSettingStart _start = new();

    [Theory]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/33", "Proxy:KnownNetworks: '10.0.0.0/33'")]
    [InlineData("Proxy:KnownNetworks", "172.16.0.0/12,docker", "Proxy:KnownNetworks: 'docker'")]
    [InlineData("Proxy:KnownProxies:0", "10.0.0.300", "Proxy:KnownProxies: '10.0.0.300'")]
    [InlineData("Notifier:PublicUrl", "notifier.example.com", "Notifier:PublicUrl must be an absolute http or https URL")]
    [InlineData("Notifier:PublicUrl", "ftp://notifier.example.com", "Notifier:PublicUrl must be an absolute http or https URL")]
    [InlineData("Notifier:PublicUrl", "https://notifier.example.com/?x=1", "Notifier:PublicUrl must be an absolute http or https URL")]
    public void ABadSetting_StopsTheApiAtStart_WithAMessageNamingIt(string key, string value, string expected)
    {
        Assert.Contains(expected, _start.Refusal(key, value), StringComparison.Ordinal);
    }

    public void Dispose() => _start.Dispose();
}
