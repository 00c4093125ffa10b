using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Notifier.Api.Tests.Support;
using Notifier.Testing;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Integrations;

/// <summary>
/// One connected account and a dispatching Api: what an integration publishes reaches the fake Kakao through the real
/// dispatcher. Public URL https://notifier.example.com, a registered site domain, so Notifier can host pages and redirects.
/// </summary>
public class IntegrationFixture : MessagingFixture
{
    public const long KakaoUserId = 9100;

    protected override bool Dispatch => true;

    public long AccountId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AccountId = await this.ConnectAccountAsync(KakaoUserId, "Integrations");
    }

    /// <summary>A client with the operator key as <c>Authorization: Bearer</c> (or the header given).</summary>
    public HttpClient Client(string? authorization = "Bearer " + NotifierApiFactory.ApiKey)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = Factory.ClientOptions.BaseAddress,
            AllowAutoRedirect = false,
        });
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return client;
    }

    /// <summary>Waits for the memo whose template mentions <paramref name="marker"/>, and asserts it arrived exactly once.</summary>
    public async Task<JsonObject> MemoAsync(string marker, long kakaoUserId = KakaoUserId)
    {
        await Eventually.MatchAsync(() => Matching(marker, kakaoUserId).Count, n => n > 0, $"a memo with '{marker}'");
        return (JsonObject)Assert.Single(Matching(marker, kakaoUserId)).Template;
    }

    public List<FakeMemo> Matching(string marker, long kakaoUserId = KakaoUserId) =>
        Kakao.Memos.Where(m => m.UserId == kakaoUserId && m.Template.ToJsonString(Relaxed).Contains(marker, StringComparison.Ordinal)).ToList();

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
