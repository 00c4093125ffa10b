using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Notifier.Api.Hosting;

/// <summary>
/// Which reverse proxies may tell the Api the client's address, scheme and host (section <c>Proxy</c>). Loopback is
/// always trusted; a proxy on another host or container network must be listed here.
/// </summary>
internal sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "Proxy";

    /// <summary>Networks in CIDR notation (<c>172.16.0.0/12</c>); an entry may hold several, separated by commas.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Single proxy addresses (<c>10.0.0.5</c>); an entry may hold several, separated by commas.</summary>
    public List<string> KnownProxies { get; set; } = [];

    public IReadOnlyList<IPNetwork> Networks() => [.. Entries(KnownNetworks).Select(IPNetwork.Parse)];

    public IReadOnlyList<IPAddress> Proxies() => [.. Entries(KnownProxies).Select(IPAddress.Parse)];

    /// <summary>
    /// Also takes <c>Proxy:KnownNetworks=10.0.0.0/8,172.16.0.0/12</c> written as one value (an environment variable
    /// <c>Proxy__KnownNetworks</c>), which list binding alone would silently ignore.
    /// </summary>
    public void AddScalarValues(IConfiguration section)
    {
        if (section[nameof(KnownNetworks)] is { Length: > 0 } networks)
        {
            KnownNetworks.Add(networks);
        }

        if (section[nameof(KnownProxies)] is { Length: > 0 } proxies)
        {
            KnownProxies.Add(proxies);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in Entries(KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult(
                $"Proxy:KnownNetworks: '{network}' is not a network in CIDR notation (for example 172.16.0.0/12 or fd00::/8).",
                [nameof(KnownNetworks)]);
        }

        foreach (var proxy in Entries(KnownProxies).Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult(
                $"Proxy:KnownProxies: '{proxy}' is not an IP address (for example 10.0.0.5).",
                [nameof(KnownProxies)]);
        }
    }

    private static IEnumerable<string> Entries(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
