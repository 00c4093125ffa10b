using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Testing;
using Notifier.Testing.Hosting;

namespace Notifier.Api.Tests.Proxy;

/// <summary>
/// The published Api (<c>dotnet Notifier.Api.dll</c>, Production environment) behind a real Caddy terminating TLS with
/// its own local CA, driven through Caddy over https as a browser would.
/// </summary>
[RunsLong]
public sealed class CaddyProxyTests : IDisposable
{
    // Not "localhost": HSTS is never sent for localhost (ASP.NET Core's default exclusion), and a real deployment has a name.
    private const string Host = "notifier.localhost";
    private const string KakaoAuthorize = "https://kauth.kakao.com/oauth/authorize";

    private readonly string _directory = Directory.CreateTempSubdirectory("notifier-caddy-api-").FullName;

    [Fact]
    public async Task WithAnHttpsPublicUrl_TheAuthorizeRedirectUsesIt_AndEveryCookieIsSecure()
    {
        var apiPort = FreePort.Next();
        await using var caddy = await CaddyProxy.StartAsync(Host, apiPort);
        var publicUrl = caddy.Url.GetLeftPart(UriPartial.Authority);
        await using var api = await StartApiAsync(apiPort, publicUrl);

        using var login = await LoginThroughAsync(caddy);

        Assert.Equal(publicUrl + "/auth/kakao/callback", RedirectUri(login));
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.StartsWith("__Host-", c, StringComparison.Ordinal));
        Assert.Equal("max-age=15552000", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task WithoutAPublicUrl_TheRedirectUriComesFromCaddysForwardedProtoAndHost()
    {
        var apiPort = FreePort.Next();
        await using var caddy = await CaddyProxy.StartAsync(Host, apiPort);
        await using var api = await StartApiAsync(apiPort, publicUrl: null);

        using var login = await LoginThroughAsync(caddy);

        Assert.Equal($"https://{Host}:{caddy.Url.Port}/auth/kakao/callback", RedirectUri(login));
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("max-age=15552000", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
    }

    /// <summary>The published Api on 127.0.0.1:<paramref name="port"/>, with its SQLite file in its own temp folder.</summary>
    private async Task<PublishedProcess> StartApiAsync(int port, string? publicUrl)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__SqliteFile"] = Path.Combine(_directory, "notifier.db"),
            ["Kakao__RestApiKey"] = "caddy-test-rest-api-key",
        };
        if (publicUrl is not null)
        {
            environment["Notifier__PublicUrl"] = publicUrl;
        }

        var api = await PublishedProcess.StartAsync("Notifier.Api", environment, "api");
        await api.ListeningAsync();
        return api;
    }

    /// <summary>GET /auth/kakao/login through Caddy, once the Api behind it answers (Caddy says 502 until then).</summary>
    private static async Task<HttpResponseMessage> LoginThroughAsync(CaddyProxy caddy)
    {
        using var client = caddy.CreateClient();
        var response = (await Eventually.MatchAsync<HttpResponseMessage?>(
            async () =>
            {
                var answer = await client.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative));
                if (answer.StatusCode != HttpStatusCode.BadGateway)
                {
                    return answer;
                }

                answer.Dispose();
                return null;
            },
            answer => answer is not null,
            "the Api to answer through Caddy"))!;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(KakaoAuthorize + "?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        return response;
    }

    private static string RedirectUri(HttpResponseMessage login)
    {
        var redirectUri = QueryHelpers.ParseQuery(login.Headers.Location!.Query)["redirect_uri"].ToString();
        Assert.StartsWith("https://", redirectUri, StringComparison.Ordinal);
        return redirectUri;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
