using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Consent;

/// <summary>A host that sends (dispatcher on), so a consent given later can be proven by a delivered memo.</summary>
public sealed class ConsentFixture : MessagingFixture
{
    protected override bool Dispatch => true;
}
