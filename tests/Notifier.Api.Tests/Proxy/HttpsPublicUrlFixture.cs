using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Proxy;

/// <summary>An Api host whose <c>Notifier:PublicUrl</c> is https, as behind a TLS proxy; no <c>AllowedHosts</c> set.</summary>
public sealed class HttpsPublicUrlFixture : ApiFixture
{
    public const string PublicUrl = "https://notifier.example.com";

    protected override IReadOnlyDictionary<string, string?> SettingOverrides() => new Dictionary<string, string?>
    {
        ["Notifier:PublicUrl"] = PublicUrl,
    };
}
