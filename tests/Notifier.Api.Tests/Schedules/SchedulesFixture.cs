using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Schedules;

/// <summary>An Api host with one connected KakaoTalk account and a client holding the API key.</summary>
public class SchedulesFixture : ApiFixture
{
    public const long KakaoUserId = 5001;

    public long AccountId { get; private set; }

    public HttpClient Api { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using (var browser = Factory.CreateBrowser())
        {
            (await KakaoBrowserFlow.ConnectAsync(browser, Kakao, KakaoUserId, "Scheduler")).Dispose();
        }

        Api = Factory.CreateClient();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NotifierApiFactory.ApiKey);
        using var accounts = JsonDocument.Parse(await Api.GetStringAsync(new Uri("/api/accounts", UriKind.Relative)));
        AccountId = accounts.RootElement.EnumerateArray().Single(a => a.GetProperty("kakaoUserId").GetInt64() == KakaoUserId).GetProperty("id").GetInt64();
    }

    public override async Task DisposeAsync()
    {
        Api.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Runs a COUNT (or any single number) against this fixture's database.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(await Database.ScalarAsync(sql, parameters), CultureInfo.InvariantCulture);
}

/// <summary>The same fixture on the SQLite default.</summary>
public sealed class SchedulesFixtureOnSqlite : SchedulesFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}
