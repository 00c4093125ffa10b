namespace Notifier.Api.Tests.Support;

/// <summary>
/// A host (dispatcher off) with exactly one connected account, which no test changes: a message without
/// <c>accountId</c> goes to it, so a valid body is always accepted and an invalid one is the only reason for a refusal.
/// </summary>
public abstract class OneAccountFixture : MessagingFixture
{
    public const long KakaoUserId = 8000;

    public long AccountId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AccountId = await this.ConnectAccountAsync(KakaoUserId, "Only one");
    }
}
