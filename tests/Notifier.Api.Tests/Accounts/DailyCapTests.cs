using System.Text.Json;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Accounts;

public sealed class DailyCapFixture : MessagingFixture
{
    public const int Cap = 2;

    protected override bool Dispatch => true;

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Dispatch:DailyCap"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The per-account daily cap (kakao-api.md §5) as an API client sees it.</summary>
public sealed class DailyCapTests(DailyCapFixture fixture) : IClassFixture<DailyCapFixture>
{
    [Fact]
    public async Task Messages_OverTheDailyCap_WaitQueuedSayingWhy_AndTheAccountShowsTodaysCount()
    {
        var accountId = await fixture.ConnectAccountAsync(8701);
        using var api = new ApiClient(fixture);
        var ids = new List<long>();
        for (var i = 1; i <= DailyCapFixture.Cap + 1; i++)
        {
            ids.Add(await api.SendAcceptedAsync(new { accountId, text = $"memo {i}" }));
        }

        foreach (var id in ids.Take(DailyCapFixture.Cap))
        {
            await api.WaitForStatusAsync(id, "sent");
        }

        var held = await api.WaitForMessageAsync(ids[^1], m => m.GetProperty("lastError").ValueKind == JsonValueKind.String, "held by the cap");
        Assert.Equal("queued", held.Status());
        Assert.Contains($"Daily cap of {DailyCapFixture.Cap}", held.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, held.GetProperty("sentAt").ValueKind);
        Assert.Equal(DailyCapFixture.Cap, fixture.Kakao.MemoCount(8701));

        var account = (await api.GetAsync($"/api/accounts/{accountId}")).Json;
        Assert.Equal(DailyCapFixture.Cap, account.GetProperty("sentToday").GetInt32());
        Assert.Equal(DailyCapFixture.Cap, account.GetProperty("dailyCap").GetInt32());
        var listed = Assert.Single((await api.GetAsync("/api/accounts")).Json.EnumerateArray(), a => a.GetProperty("id").GetInt64() == accountId);
        Assert.Equal(DailyCapFixture.Cap, listed.GetProperty("sentToday").GetInt32());
    }

    [Fact]
    public async Task TheDailyCap_CountsPerAccount()
    {
        var fullId = await fixture.ConnectAccountAsync(8702);
        var freshId = await fixture.ConnectAccountAsync(8703);
        using var api = new ApiClient(fixture);
        for (var i = 0; i < DailyCapFixture.Cap; i++)
        {
            await api.WaitForStatusAsync(await api.SendAcceptedAsync(new { accountId = fullId, text = $"filling {i}" }), "sent");
        }

        var id = await api.SendAcceptedAsync(new { accountId = freshId, text = "still room here" });

        await api.WaitForStatusAsync(id, "sent");
        Assert.Equal(1, (await api.GetAsync($"/api/accounts/{freshId}")).Json.GetProperty("sentToday").GetInt32());
        Assert.Equal(DailyCapFixture.Cap, (await api.GetAsync($"/api/accounts/{fullId}")).Json.GetProperty("sentToday").GetInt32());
    }
}
