using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;

namespace Notifier.Api.Tests.ApiKeys;

public sealed class SqliteOwnerKeyTests(ProviderFixture<SqliteDatabase> fixture) : OwnerKeyTests<SqliteDatabase>(fixture), IClassFixture<ProviderFixture<SqliteDatabase>>;

public sealed class MariaDbOwnerKeyTests(ProviderFixture<MariaDbDatabase> fixture) : OwnerKeyTests<MariaDbDatabase>(fixture), IClassFixture<ProviderFixture<MariaDbDatabase>>;

/// <summary>
/// Keys an owner makes on <c>/keys</c>: shown once, stored as a hash, acting on the owner's account only (another
/// account's id is 404, as if it did not exist), named in the delivery log, revocable. On SQLite and on MariaDB.
/// </summary>
public abstract class OwnerKeyTests<TDatabase>(ProviderFixture<TDatabase> fixture)
    where TDatabase : ITestDatabase, new()
{
    [Fact]
    public async Task KeysPage_ShowsANewKeyOnce_AndStoresOnlyItsHash()
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9101);
        using (browser)
        {
            var key = await OwnerKeys.MakeAsync(browser, "backup job");

            Assert.StartsWith("ntf_", key, StringComparison.Ordinal);
            Assert.True(key.Length >= 4 + 43, "at least 256 random bits after the prefix");
            var (_, list) = await browser.GetAsync("/keys");
            Assert.Contains("backup job", list, StringComparison.Ordinal);
            Assert.DoesNotContain(key, list, StringComparison.Ordinal);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM api_keys WHERE AccountId = @a AND Hash = @h", ("@a", accountId), ("@h", hash)));
            Assert.Equal(0, await fixture.LongAsync(
                "SELECT COUNT(*) FROM api_keys WHERE Name = @k OR Hash = @k OR Hint = @k", ("@k", key)));
        }
    }

    [Fact]
    public async Task OwnerKey_SendsToItsOwnAccountWithoutAccountId_AndTheDeliveryLogNamesTheKey()
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9111);
        var (other, _) = await OwnerKeys.ConnectAsync(fixture, 9112);
        other.Dispose();
        using (browser)
        {
            using var api = new ApiClient(fixture, "Bearer " + await OwnerKeys.MakeAsync(browser, "ci"));

            var id = await api.SendAcceptedAsync(new { text = "from my key" });

            Assert.Equal(1, await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE Id = @id AND AccountId = @a", ("@id", id), ("@a", accountId)));
            var view = await api.GetMessageAsync(id);
            Assert.Equal("ci", view.GetProperty("requestedBy").GetString());
            var (_, log) = await browser.GetAsync("/deliveries");
            Assert.Contains("asked by API key <code>ci</code>", log, StringComparison.Ordinal);
            Assert.Contains(fixture.Factory.Logs.Lines, l => l.Contains($"Queued delivery {id}", StringComparison.Ordinal) && l.Contains("\"ci\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task OperatorKey_IsNamedInTheDeliveryLog()
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9121);
        browser.Dispose();
        using var api = new ApiClient(fixture);

        var id = await api.SendAcceptedAsync(new { accountId, text = "from the operator" });

        Assert.Equal("operator:key1", (await api.GetMessageAsync(id)).GetProperty("requestedBy").GetString());
    }

    [Fact]
    public async Task OwnerKey_AnotherAccountsIds_Are404_AndItsListsHoldOnlyItsOwnAccount()
    {
        var (browser, mine) = await OwnerKeys.ConnectAsync(fixture, 9131);
        var (otherBrowser, theirs) = await OwnerKeys.ConnectAsync(fixture, 9132);
        otherBrowser.Dispose();
        using var operatorApi = new ApiClient(fixture);
        var theirMessage = await operatorApi.SendAcceptedAsync(new { accountId = theirs, text = "theirs" });
        var theirSchedule = (await operatorApi.SendAsync(JsonPost("/api/schedules", new { accountId = theirs, name = "theirs", cron = "0 0 9 * * ?", message = new { text = "t" } }))).Json.GetProperty("id").GetInt64();
        using (browser)
        {
            using var api = new ApiClient(fixture, "Bearer " + await OwnerKeys.MakeAsync(browser, "mine"));
            var before = await CountsAsync(theirs);

            (await api.PostMessageAsync(new { accountId = theirs, text = "not mine" })).AssertProblem(HttpStatusCode.NotFound);
            (await api.GetAsync($"/api/messages/{theirMessage}")).AssertProblem(HttpStatusCode.NotFound);
            (await api.GetAsync($"/api/messages?accountId={theirs}")).AssertProblem(HttpStatusCode.NotFound);
            (await api.GetAsync($"/api/accounts/{theirs}")).AssertProblem(HttpStatusCode.NotFound);
            (await api.PostAsync($"/api/accounts/{theirs}/refresh")).AssertProblem(HttpStatusCode.NotFound);
            (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{theirs}"))).AssertProblem(HttpStatusCode.NotFound);
            (await api.SendAsync(JsonPost("/api/schedules", new { accountId = theirs, name = "x", cron = "0 0 9 * * ?", message = new { text = "x" } }))).AssertProblem(HttpStatusCode.NotFound);
            (await api.GetAsync($"/api/schedules/{theirSchedule}")).AssertProblem(HttpStatusCode.NotFound);
            (await api.GetAsync($"/api/schedules?accountId={theirs}")).AssertProblem(HttpStatusCode.NotFound);
            (await api.PostAsync($"/api/schedules/{theirSchedule}/trigger")).AssertProblem(HttpStatusCode.NotFound);
            (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/schedules/{theirSchedule}"))).AssertProblem(HttpStatusCode.NotFound);
            Assert.Equal(before, await CountsAsync(theirs));
            Assert.Equal("active", await fixture.StringAsync("SELECT Status FROM accounts WHERE Id = @a", ("@a", theirs)));

            var mineOnly = await api.SendAcceptedAsync(new { text = "mine" });
            var schedule = (await api.SendAsync(JsonPost("/api/schedules", new { name = "mine", cron = "0 0 9 * * ?", message = new { text = "m" } }))).Json;
            Assert.Equal(mine, schedule.GetProperty("accountId").GetInt64());
            var accounts = (await api.GetAsync("/api/accounts")).Json;
            Assert.Equal(new[] { mine }, accounts.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
            var messages = (await api.GetAsync("/api/messages")).Json.GetProperty("items");
            Assert.Equal(new[] { mineOnly }, messages.EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
            var schedules = (await api.GetAsync("/api/schedules")).Json;
            Assert.All(schedules.EnumerateArray(), s => Assert.Equal(mine, s.GetProperty("accountId").GetInt64()));
            Assert.Single(schedules.EnumerateArray());
        }
    }

    [Fact]
    public async Task RevokedKey_Is401_AndTheOtherKeysStillWork()
    {
        var (browser, _) = await OwnerKeys.ConnectAsync(fixture, 9141);
        using (browser)
        {
            var revoked = await OwnerKeys.MakeAsync(browser, "old");
            var kept = await OwnerKeys.MakeAsync(browser, "new");
            var id = await fixture.LongAsync("SELECT Id FROM api_keys WHERE Name = 'old'");

            using var response = await browser.PostAsync($"/keys/{id}/revoke", "/keys");

            Assert.Equal("/keys?done=revoked", OwnerPages.OwnerBrowser.Target(response));
            using var oldApi = new ApiClient(fixture, "Bearer " + revoked);
            (await oldApi.GetAsync("/api/accounts")).AssertProblemDetail(HttpStatusCode.Unauthorized, "revoked");
            using var newApi = new ApiClient(fixture, "Bearer " + kept);
            Assert.Equal(HttpStatusCode.OK, (await newApi.GetAsync("/api/accounts")).Status);
            var (_, page) = await browser.GetAsync("/keys");
            Assert.Contains("last used 20", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task IdempotencyKey_CountsPerApiKey_TheSameKeyFromTwoApiKeysIsTwoMessages()
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9151);
        using (browser)
        {
            using var first = new ApiClient(fixture, "Bearer " + await OwnerKeys.MakeAsync(browser, "first"));
            using var second = new ApiClient(fixture, "Bearer " + await OwnerKeys.MakeAsync(browser, "second"));
            using var operatorApi = new ApiClient(fixture);
            var shared = Support.MessageRequests.NewKey();

            var one = await first.SendAcceptedAsync(new { text = "same" }, shared);
            var two = await second.SendAcceptedAsync(new { text = "same" }, shared);
            var three = await operatorApi.SendAcceptedAsync(new { accountId, text = "same" }, shared);
            var replay = await first.SendAcceptedAsync(new { text = "same" }, shared);

            Assert.Equal(3, new[] { one, two, three }.Distinct().Count());
            Assert.Equal(one, replay);
            Assert.Equal(3, await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE AccountId = @a", ("@a", accountId)));
        }
    }

    [Fact]
    public async Task OwnerKey_DisconnectsItsOwnAccount()
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9161);
        using (browser)
        {
            using var api = new ApiClient(fixture, "Bearer " + await OwnerKeys.MakeAsync(browser, "leaving"));

            var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{accountId}"));

            Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
            Assert.NotEqual("active", await fixture.StringAsync("SELECT Status FROM accounts WHERE Id = @a", ("@a", accountId)));
        }
    }

    [Fact]
    public async Task Refresh_IsOncePerMinutePerAccount_EvenWhenAskedAtOnce_ThenA429WithRetryAfter()
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9171);
        var (otherBrowser, otherId) = await OwnerKeys.ConnectAsync(fixture, 9172);
        otherBrowser.Dispose();
        using (browser)
        {
            using var owner = new ApiClient(fixture, "Bearer " + await OwnerKeys.MakeAsync(browser, "refresher"));
            using var operatorApi = new ApiClient(fixture);
            var refreshes = fixture.Kakao.RefreshCount;

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? owner : operatorApi).PostAsync($"/api/accounts/{accountId}/refresh")));
            var otherAccount = await operatorApi.PostAsync($"/api/accounts/{otherId}/refresh");

            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
            Assert.Equal(3, refused.Count);
            Assert.All(refused, a => a.AssertProblemDetail(HttpStatusCode.TooManyRequests, "once a minute"));
            Assert.Equal(HttpStatusCode.OK, otherAccount.Status);
            Assert.Equal(refreshes + 2, fixture.Kakao.RefreshCount);
        }
    }

    [Fact]
    public async Task Refresh_InCooldown_SaysWhenToRetry()
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9181);
        browser.Dispose();
        using var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", NotifierApiFactory.ApiKey);

        using var first = await client.PostAsync(new Uri($"/api/accounts/{accountId}/refresh", UriKind.Relative), null);
        using var second = await client.PostAsync(new Uri($"/api/accounts/{accountId}/refresh", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var retryAfter = second.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a name that is much longer than fifty characters, so refused")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("operator:key1")]
    [InlineData("'; DROP TABLE api_keys; --")]
    [InlineData("taken")]
    public async Task KeysPage_ABadName_IsA400PageSayingWhy_AndStoresNothing(string name)
    {
        var (browser, accountId) = await OwnerKeys.ConnectAsync(fixture, 9190);
        using (browser)
        {
            if (name == "taken")
            {
                await OwnerKeys.MakeAsync(browser, "Taken");
            }

            var before = await fixture.LongAsync("SELECT COUNT(*) FROM api_keys");

            using var response = await browser.PostAsync("/keys", "/keys", ("name", name));

            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("class=\"field-error\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("new-key", html, StringComparison.Ordinal);
            Assert.Equal(before, await fixture.LongAsync("SELECT COUNT(*) FROM api_keys"));
            Assert.True(accountId > 0);
        }
    }

    [Fact]
    public async Task KeysPage_WithoutAntiforgeryOrSignIn_MakesNoKey()
    {
        var (browser, _) = await OwnerKeys.ConnectAsync(fixture, 9199);
        using (browser)
        {
            var before = await fixture.LongAsync("SELECT COUNT(*) FROM api_keys");
            using var forged = await browser.PostAsync("/keys", null, ("name", "forged"));
            using var anonymous = fixture.Factory.CreateBrowser();
            using var signedOut = await anonymous.PostAsync(new Uri("/keys", UriKind.Relative), new FormUrlEncodedContent([new("name", "anon")]));
            using var revokeOther = await browser.PostAsync("/keys/999999/revoke", "/keys");

            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, revokeOther.StatusCode);
            Assert.Equal(before, await fixture.LongAsync("SELECT COUNT(*) FROM api_keys"));
        }
    }

    private static HttpRequestMessage JsonPost(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    private async Task<(long Deliveries, long Schedules, long Keys)> CountsAsync(long accountId) => (
        await fixture.LongAsync("SELECT COUNT(*) FROM deliveries WHERE AccountId = @a", ("@a", accountId)),
        await fixture.LongAsync("SELECT COUNT(*) FROM schedules WHERE AccountId = @a", ("@a", accountId)),
        await fixture.LongAsync("SELECT COUNT(*) FROM api_keys WHERE AccountId = @a", ("@a", accountId)));
}
