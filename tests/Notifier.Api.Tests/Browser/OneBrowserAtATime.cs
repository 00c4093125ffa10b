namespace Notifier.Api.Tests.Browser;

/// <summary>
/// The browser test classes run one after the other: each starts its own chromium, and two at once on a loaded
/// two-core machine push page loads past Playwright's timeouts.
/// </summary>
[RunsLong]
[CollectionDefinition(Name)]
public sealed class OneBrowserAtATime
{
    public const string Name = "One browser at a time";
}
