using System.Net;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;
using static Notifier.Api.Tests.ApiKeys.ApiCredentialsTests;

namespace Notifier.Api.Tests.ApiKeys;

/// <summary>Each credential form ntfy's clients send, against the running Api, for an owner key and an operator key.</summary>
public sealed class CredentialFormTests(ProviderFixture<MariaDbDatabase> fixture) : IClassFixture<ProviderFixture<MariaDbDatabase>>
{
    public static TheoryData<string> Forms() => new() { "bearer", "basic", "query-base64url", "query-base64-basic" };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryForm_Authenticates_AnOwnerKeyAndAnOperatorKey(string form)
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9200 + form.Length);
        using (browser)
        {
            var ownerKey = await OwnerKeys.MakeAsync(browser, "form " + form);
            foreach (var (key, expected) in new[] { (ownerKey, new[] { accountId }), (NotifierApiFactory.ApiKey, null) })
            {
                using var client = fixture.Factory.CreateClient();
                using var request = Request(form, key);

                using var response = await client.SendAsync(request);

                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {(int)response.StatusCode} {body}");
                var ids = System.Text.Json.JsonDocument.Parse(body).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
                if (expected is not null)
                {
                    Assert.Equal(expected, ids);
                }
                else
                {
                    Assert.Contains(accountId, ids);
                }
            }
        }
    }

    public static TheoryData<string?, string?> Malformed() => ApiCredentialsTests.Malformed();

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedCredentials_AreA401Problem_AndStoreNothing(string? authorization, string? auth)
    {
        var before = await fixture.LongAsync("SELECT COUNT(*) FROM deliveries");
        using var client = fixture.Factory.CreateClient();
        var path = auth is null ? "/api/messages" : $"/api/messages?auth={Uri.EscapeDataString(auth)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(new { text = "never" }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        var answer = new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), null);
        answer.AssertProblemDetail(HttpStatusCode.Unauthorized, "Send 'Authorization: Bearer <key>'");
        Assert.DoesNotContain(NotifierApiFactory.ApiKey, answer.Body, StringComparison.Ordinal);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.LongAsync("SELECT COUNT(*) FROM deliveries"));
    }

    [Fact]
    public async Task AWrongKeyInEveryForm_Is401()
    {
        foreach (var form in new[] { "bearer", "basic", "query-base64url", "query-base64-basic" })
        {
            using var client = fixture.Factory.CreateClient();
            using var request = Request(form, "ntf_" + new string('x', 43));

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static HttpRequestMessage Request(string form, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, form switch
        {
            "query-base64url" => $"/api/accounts?auth={Base64Url("Bearer " + key)}",
            "query-base64-basic" => $"/api/accounts?auth={Uri.EscapeDataString(Base64("Basic " + Base64("phone:" + key)))}",
            _ => "/api/accounts",
        });
        if (form == "bearer")
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }
        else if (form == "basic")
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Base64("anyone:" + key));
        }

        return request;
    }
}
