using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Disconnect;

/// <summary>A host that sends (dispatcher on): a reconnected account must deliver.</summary>
public sealed class ReconnectFixture : MessagingFixture
{
    protected override bool Dispatch => true;
}
