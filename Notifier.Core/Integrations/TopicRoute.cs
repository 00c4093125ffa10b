namespace Notifier.Core.Integrations;

/// <summary>A topic mapped by its owner (page <c>/topics</c>): messages an operator key publishes to it go to this account.</summary>
public sealed class TopicRoute
{
    public string Name { get; set; } = "";

    public long AccountId { get; set; }

    /// <summary>The GitHub webhook secret for <c>/hooks/github/{topic}</c>, encrypted (Data Protection); null when none is set.</summary>
    public string? GitHubSecretCipher { get; set; }

    public DateTime CreatedAt { get; set; }
}
