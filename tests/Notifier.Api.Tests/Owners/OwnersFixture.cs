using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Owners;

/// <summary>
/// The product's default, <c>Notifier:Owners</c> empty: the first account to connect (Kakao user
/// <see cref="OwnerKakaoUserId"/>, connected at start) owns this Notifier; anyone else needs an invite.
/// </summary>
public class OwnersFixture : MessagingFixture
{
    public const long OwnerKakaoUserId = 9000;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.ConnectAccountAsync(OwnerKakaoUserId, "First Owner");
    }

    protected override void Configure(IDictionary<string, string?> settings) => settings["Notifier:Owners"] = "";

    public Task<long> InviteCountAsync() => this.LongAsync("SELECT COUNT(*) FROM invites");
}
