using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Accounts;

/// <summary>Dispatches, and Kakao rotates the refresh token on every refresh: many tokens change hands.</summary>
public sealed class TokenSecrecyFixture : MessagingFixture
{
    public TokenSecrecyFixture() => Kakao.RotationWindow = TimeSpan.FromDays(61);

    protected override bool Dispatch => true;
}

/// <summary>A token Kakao issued never appears in any API answer (CONVENTIONS.md, habit 9).</summary>
public sealed class TokenSecrecyTests(TokenSecrecyFixture fixture) : IClassFixture<TokenSecrecyFixture>
{
    [Fact]
    public async Task EveryApiAnswer_AfterRefreshesRotationsAndSends_CarriesNoToken()
    {
        var accountId = await fixture.ConnectAccountAsync(8801, "Secretive");
        using var api = new ApiClient(fixture);
        var answers = new List<ApiAnswer> { await api.PostAsync($"/api/accounts/{accountId}/refresh") };
        await fixture.EndRefreshCooldownAsync(accountId);
        answers.Add(await api.PostAsync($"/api/accounts/{accountId}/refresh"));
        fixture.Kakao.ExpireAccessTokens(8801); // the send meets -401, refreshes and resends
        var send = await api.PostMessageAsync(new { accountId, text = "after a rejected token" }, MessageRequests.NewKey());
        answers.Add(send);
        var id = MessageRequests.AssertAccepted(send);
        await api.WaitForStatusAsync(id, "sent");
        fixture.Kakao.RevokeRefreshTokens(8801);
        await fixture.EndRefreshCooldownAsync(accountId);
        answers.AddRange(
        [
            await api.GetAsync($"/api/messages/{id}"),
            await api.GetAsync($"/api/messages?accountId={accountId}"),
            await api.GetAsync("/api/accounts"),
            await api.GetAsync($"/api/accounts/{accountId}"),
            await api.PostAsync($"/api/accounts/{accountId}/refresh"), // KOE322: a problem about the refresh token
            await api.PostMessageAsync(new { accountId, text = "refused" }),
        ]);

        Assert.Equal(3, fixture.Kakao.RotationCount);
        Assert.Equal(HttpStatusCode.Conflict, answers[^2].Status);
        var secrets = fixture.Kakao.IssuedSecrets.ToList();
        Assert.True(secrets.Count >= 8, $"only {secrets.Count} secrets issued");
        foreach (var answer in answers)
        {
            Assert.NotEmpty(answer.Body);
            Assert.All(secrets, s => Assert.DoesNotContain(s, answer.Body, StringComparison.Ordinal));
            Assert.DoesNotContain("refresh-", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("access-", answer.Body, StringComparison.Ordinal);
        }
    }
}
