using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Proxy;

/// <summary>
/// An Api host with no public URL (so it derives URLs from requests) that trusts two proxy networks, given as one
/// comma-separated value, and one proxy address, given as a list element.
/// </summary>
public sealed class ForwardingFixture : ApiFixture
{
    public const string KnownProxy = "192.0.2.10";

    protected override IReadOnlyDictionary<string, string?> SettingOverrides() => new Dictionary<string, string?>
    {
        ["Proxy:KnownNetworks"] = "172.16.0.0/12, 10.0.0.0/8",
        ["Proxy:KnownProxies:0"] = KnownProxy,
    };
}
