using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Hosting;

/// <summary>Every logger at its most verbose, so nothing can hide behind a level.</summary>
public sealed class VerboseLoggingFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> SettingOverrides() => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"] = "Verbose",
    };
}

public sealed class LogRedactionTests(VerboseLoggingFixture fixture) : IClassFixture<VerboseLoggingFixture>
{
    [Fact]
    public async Task FullFlowAndFailures_AtVerbose_NeverLogATokenCodeStateOrSecret()
    {
        using var browser = fixture.Factory.CreateBrowser();
        var authorize = await KakaoBrowserFlow.StartAsync(browser);
        var callback = fixture.Kakao.Authorize(authorize, 6001, "Logged");
        (await KakaoBrowserFlow.ReturnAsync(browser, callback)).Dispose();
        (await KakaoBrowserFlow.ReturnAsync(browser, callback)).Dispose(); // replayed: KOE320 echoes the code in its description
        using var api = fixture.Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", NotifierApiFactory.ApiKey);
        (await api.GetAsync(new Uri("/api/accounts", UriKind.Relative))).Dispose();

        var logs = string.Join('\n', fixture.Factory.Logs.Lines);
        Assert.True(fixture.Factory.Logs.Lines.Count > 50, $"verbose logging produced only {fixture.Factory.Logs.Lines.Count} lines");
        Assert.Contains("/auth/kakao/callback", logs, StringComparison.Ordinal);
        var secrets = fixture.Kakao.IssuedSecrets
            .Append(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query)["state"].ToString())
            .Append(Testing.Kakao.KakaoFake.ClientSecret)
            .Append(NotifierApiFactory.ApiKey)
            .ToList();
        Assert.True(secrets.Count >= 5);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApiKeysInEveryForm_AtVerbose_NeverReachTheLogs_ButTheirNamesDo()
    {
        using var browser = await OwnerPages.OwnerBrowser.ConnectAsync(fixture, 6002, "Keyed");
        var accountId = await fixture.LongAsync("SELECT Id FROM accounts WHERE KakaoUserId = 6002");
        var ownerKey = await ApiKeys.OwnerKeys.MakeAsync(browser, "logged key");
        var forms = new List<string>();
        foreach (var key in new[] { ownerKey, NotifierApiFactory.ApiKey })
        {
            var basic = ApiKeys.ApiCredentialsTests.Base64("user:" + key);
            var query = ApiKeys.ApiCredentialsTests.Base64Url("Bearer " + key);
            forms.AddRange([key, basic, query]);
            using var api = fixture.Factory.CreateClient();
            using var bearer = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = System.Net.Http.Json.JsonContent.Create(new { accountId, text = "logged" }) };
            bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
            (await api.SendAsync(bearer)).Dispose();
            using var basicRequest = new HttpRequestMessage(HttpMethod.Get, "/api/accounts");
            basicRequest.Headers.TryAddWithoutValidation("Authorization", "Basic " + basic);
            (await api.SendAsync(basicRequest)).Dispose();
            (await api.GetAsync(new Uri($"/api/messages?auth={query}&limit=1", UriKind.Relative))).Dispose();
        }

        var logs = string.Join('\n', fixture.Factory.Logs.Lines);
        Assert.Contains("\"logged key\"", logs, StringComparison.Ordinal);
        Assert.Contains("operator:key1", logs, StringComparison.Ordinal);
        Assert.Contains("auth=***", logs, StringComparison.Ordinal);
        foreach (var secret in forms)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
