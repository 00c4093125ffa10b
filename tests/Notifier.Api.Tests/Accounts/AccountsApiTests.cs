using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Accounts;

public sealed class AccountsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer ")]
    public async Task ListAccounts_WithoutAValidKey_Is401ProblemDetails(string? authorization)
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/accounts");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Api:Keys", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAccounts_WithAKey_ListsAccountsWithoutAnyToken()
    {
        using var browser = fixture.Factory.CreateBrowser();
        (await KakaoBrowserFlow.ConnectAsync(browser, fixture.Kakao, 4001, "Listed")).Dispose();
        using var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NotifierApiFactory.ApiKey);

        var body = await client.GetStringAsync(new Uri("/api/accounts", UriKind.Relative));

        var account = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray(), a => a.GetProperty("kakaoUserId").GetInt64() == 4001);
        Assert.Equal("Listed", account.GetProperty("nickname").GetString());
        Assert.Equal("active", account.GetProperty("status").GetString());
        var names = account.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(["id", "kakaoUserId", "nickname", "status", "statusReason", "accessTokenExpiresAt", "refreshTokenExpiresAt", "connectedAt", "sentToday", "dailyCap", "timeZone"], names);
        Assert.True(account.GetProperty("accessTokenExpiresAt").GetDateTime() > DateTime.UtcNow);
        foreach (var secret in fixture.Kakao.IssuedSecrets)
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
    }
}
