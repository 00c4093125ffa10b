using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Notifier.Api.Tests.Proxy;

/// <summary>With <c>Notifier:PublicUrl</c> set, absolute URLs come from it, and only its host (and loopback) is answered.</summary>
public sealed class PublicUrlTests(HttpsPublicUrlFixture fixture) : IClassFixture<HttpsPublicUrlFixture>
{
    private const string Callback = HttpsPublicUrlFixture.PublicUrl + "/auth/kakao/callback";

    [Fact]
    public async Task RedirectUri_IsUnderThePublicUrl_WhateverHostAndForwardedHeadersSay()
    {
        var direct = await ProxiedRequest.GetAsync(fixture.Factory, "/auth/kakao/login", "127.0.0.1", host: "127.0.0.1:8080");
        var forwarded = await ProxiedRequest.GetAsync(
            fixture.Factory, "/auth/kakao/login", "127.0.0.1", headers: [("X-Forwarded-Proto", "http"), ("X-Forwarded-Host", "localhost:1234")]);

        Assert.Equal(Callback, ProxiedRequest.RedirectUri(direct));
        Assert.Equal(Callback, ProxiedRequest.RedirectUri(forwarded));
    }

    [Theory]
    [InlineData("notifier.example.com", StatusCodes.Status200OK)]
    [InlineData("NOTIFIER.example.com:443", StatusCodes.Status200OK)]
    [InlineData("localhost:8080", StatusCodes.Status200OK)] // the container healthcheck
    [InlineData("127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("[::1]:8080", StatusCodes.Status200OK)]
    [InlineData("evil.example.net", StatusCodes.Status400BadRequest)]
    [InlineData("notifier.example.com.evil.example.net", StatusCodes.Status400BadRequest)]
    public async Task OnlyThePublicHostAndLoopback_AreAnswered(string host, int expected)
    {
        var response = await ProxiedRequest.GetAsync(fixture.Factory, "/health/live", "127.0.0.1", host);

        Assert.Equal(expected, response.Response.StatusCode);
    }

    [Fact]
    public async Task AForwardedHostThatIsNotAllowed_IsIgnored()
    {
        var login = await ProxiedRequest.GetAsync(
            fixture.Factory, "/health/live", "127.0.0.1", headers: [("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example.net")]);

        Assert.Equal("localhost", login.Request.Host.Value);
    }

    [Fact]
    public async Task TheApiDescription_NamesThePublicUrlAsItsServer()
    {
        using var client = fixture.Factory.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        Assert.Equal(HttpsPublicUrlFixture.PublicUrl, document["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientsAtThePublicUrl_GetHsts()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=15552000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }
}
