using System.Net;
using System.Text.RegularExpressions;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.OwnerPages;

/// <summary>A signed-in owner's browser over HTTP: reads pages, fills forms with the page's antiforgery token.</summary>
public sealed partial class OwnerBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public static async Task<OwnerBrowser> ConnectAsync(ApiFixture fixture, long kakaoUserId, string nickname)
    {
        var client = fixture.Factory.CreateBrowser();
        using var callback = await KakaoBrowserFlow.ConnectAsync(client, fixture.Kakao, kakaoUserId, nickname);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return new OwnerBrowser(client);
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="url"/>.</summary>
    public async Task<string> TokenFromAsync(string url)
    {
        var (status, html) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return match.Groups[1].Value;
    }

    /// <summary>Posts a form as the browser does, with the token scraped from <paramref name="formPage"/> (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, string? formPage, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (formPage is not null)
        {
            values.Add(new("__RequestVerificationToken", await TokenFromAsync(formPage)));
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Where a redirect sends the browser: path and query.</summary>
    public static string Target(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
