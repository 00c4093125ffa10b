using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Notifier.Testing.Hosting;

/// <summary>
/// Debian's Caddy as a TLS reverse proxy: <c>https://{host}:{port}</c> with its own local CA (<c>tls internal</c>) in
/// front of a loopback upstream, bound to 127.0.0.1, with its certificates, config and data in a temp folder (no admin
/// endpoint, no change to the machine's trust store).
/// </summary>
public sealed class CaddyProxy : IAsyncDisposable
{
    public const string Executable = "/usr/bin/caddy";

    private readonly ForeignProcess _process;

    private CaddyProxy(ForeignProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Where clients reach the proxy, for example <c>https://notifier.localhost:40123</c>.</summary>
    public Uri Url { get; }

    /// <summary>The root certificate of Caddy's local CA, which signs the site's certificate.</summary>
    public string RootCertificatePath => Path.Combine(_process.Directory, "data", "pki", "authorities", "local", "root.crt");

    public string Output => _process.Output;

    /// <summary>Starts Caddy serving <c>https://{host}:{free port}</c> and proxying to <c>127.0.0.1:{upstreamPort}</c>; returns once it answers.</summary>
    public static async Task<CaddyProxy> StartAsync(string host, int upstreamPort)
    {
        var directory = ForeignProcess.NewFolder("caddy");
        var url = new Uri($"https://{host}:{FreePort.Next()}");
        var caddyfile = Path.Combine(directory, "Caddyfile");
        await File.WriteAllTextAsync(caddyfile, Caddyfile(url, upstreamPort, Path.Combine(directory, "data")));
        var caddy = new CaddyProxy(ForeignProcess.Start(Executable, directory, ["run", "--config", caddyfile, "--adapter", "caddyfile"], new Dictionary<string, string>
        {
            ["XDG_DATA_HOME"] = Path.Combine(directory, "xdg-data"),
            ["XDG_CONFIG_HOME"] = Path.Combine(directory, "xdg-config"),
        }), url);
        await caddy.WaitUntilServingAsync();
        return caddy;
    }

    /// <summary>
    /// A client that resolves the proxy's host name to 127.0.0.1, trusts only Caddy's local CA (and checks the name), and
    /// does not follow redirects or keep cookies: each response is looked at as it came.
    /// </summary>
    public HttpClient CreateClient()
    {
        var root = X509CertificateLoader.LoadCertificateFromFile(RootCertificatePath);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync("127.0.0.1", context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, sent, errors) =>
            certificate is X509Certificate2 leaf
            && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
            && IsSignedBy(leaf, sent, root);
        return new HttpClient(handler) { BaseAddress = Url };
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Caddyfile(Uri url, int upstreamPort, string storage) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
            admin off
            auto_https disable_redirects
            skip_install_trust
            storage file_system {
                root {{storage}}
            }
        }

        https://{{url.Host}}:{{url.Port}} {
            bind 127.0.0.1
            tls internal
            reverse_proxy 127.0.0.1:{{upstreamPort}}
        }
        """);

    /// <summary>Whether <paramref name="leaf"/> chains up to <paramref name="root"/> (through the intermediate Caddy sent).</summary>
    private static bool IsSignedBy(X509Certificate2 leaf, X509Chain? sent, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        foreach (var element in sent?.ChainElements.ToArray() ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private async Task WaitUntilServingAsync()
    {
        try
        {
            await Eventually.TrueAsync(
                async () => _process.HasExited
                    ? throw new InvalidOperationException($"caddy exited with {_process.ExitCode}: {Output}")
                    : File.Exists(RootCertificatePath) && await AcceptsTlsAsync(),
                $"caddy to serve {Url}",
                TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Caddy's output: {Output}", e);
        }
    }

    private async Task<bool> AcceptsTlsAsync()
    {
        try
        {
            using var client = CreateClient();
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            return true; // any answer through TLS: the upstream may not be up yet, Caddy then says 502
        }
        catch (HttpRequestException e)
        {
            _process.Note($"(test) {e.Message} {e.InnerException?.Message}");
            return false;
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // root.crt exists as soon as Caddy starts writing it: a half-written file is not a certificate yet.
            _process.Note($"(test) root certificate not readable yet: {e.Message}");
            return false;
        }
    }

}
