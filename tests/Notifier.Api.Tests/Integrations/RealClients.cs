using Notifier.Testing;
using Notifier.Testing.Kakao;

namespace Notifier.Api.Tests.Integrations;

/// <summary>
/// The classes that drive the published Notifier with a real third-party client (Apprise, Alertmanager) share one
/// published Api and one connected owner: a published start costs seconds of CPU, and what each class asserts is
/// told apart by its own topic and texts. They run one after the other, in this collection.
/// </summary>
[RunsLong]
[CollectionDefinition(Name)]
public sealed class RealClients : ICollectionFixture<RealClientsNotifier>
{
    public const string Name = "Real clients against the published Notifier";
}

/// <summary>The published Notifier, its fake Kakao, and one owner connected through the OAuth flow.</summary>
public sealed class RealClientsNotifier : IAsyncLifetime
{
    public const long KakaoUserId = 9300;

    public KakaoFake Kakao { get; } = new();

    public PublishedNotifier Notifier { get; private set; } = null!;

    /// <summary>The memos Kakao received whose card title contains <paramref name="marker"/>.</summary>
    public List<FakeMemo> MemosTitled(string marker) =>
        Kakao.Memos.Where(m => m.Template["content"]?["title"]?.GetValue<string>().Contains(marker, StringComparison.Ordinal) == true).ToList();

    public async Task InitializeAsync()
    {
        Notifier = await PublishedNotifier.StartAsync(Kakao);
        await Notifier.ConnectAsync(Kakao, KakaoUserId, "Real clients");
    }

    public async Task DisposeAsync()
    {
        if (Notifier is not null)
        {
            await Notifier.DisposeAsync();
        }

        Kakao.Dispose();
    }
}
