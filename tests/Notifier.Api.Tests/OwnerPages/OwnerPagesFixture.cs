using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.OwnerPages;

/// <summary>An Api host (dispatcher off, so deliveries stay queued) for the owner pages.</summary>
public sealed class OwnerPagesFixture : MessagingFixture;
