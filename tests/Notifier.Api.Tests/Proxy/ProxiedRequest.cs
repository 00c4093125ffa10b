using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Proxy;

/// <summary>
/// One GET through the in-memory server as a proxy would send it: from a chosen remote address, with a chosen Host and
/// headers. (An <c>HttpClient</c> on the test server sets no remote address at all.)
/// </summary>
public static class ProxiedRequest
{
    public const string ForwardedHost = "proxy.example.org";

    public static Task<HttpContext> GetAsync(
        NotifierApiFactory factory, string path, string from, string host = "localhost", params (string Name, string Value)[] headers) =>
        factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString(host);
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            foreach (var (name, value) in headers)
            {
                context.Request.Headers[name] = value;
            }
        });

    /// <summary>What a TLS proxy adds for a client at 198.51.100.7 that asked for https://proxy.example.org.</summary>
    public static (string, string)[] FromHttpsProxy() =>
        [("X-Forwarded-For", "198.51.100.7"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", ForwardedHost)];

    /// <summary>The <c>redirect_uri</c> of the Kakao authorize URL a login answered with.</summary>
    public static string RedirectUri(HttpContext login)
    {
        Assert.Equal(StatusCodes.Status302Found, login.Response.StatusCode);
        var location = new Uri(login.Response.Headers.Location.ToString());
        return QueryHelpers.ParseQuery(location.Query)["redirect_uri"].ToString();
    }
}
