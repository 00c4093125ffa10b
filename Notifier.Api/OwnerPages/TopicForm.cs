namespace Notifier.Api.OwnerPages;

/// <summary>The form of <c>/topics</c>: a topic for this account, and optionally its GitHub webhook secret.</summary>
public sealed class TopicForm
{
    public string? Name { get; set; }

    /// <summary>Empty: keep the secret already set (if any).</summary>
    public string? GitHubSecret { get; set; }

    /// <summary>"on" removes the secret.</summary>
    public string? ClearGitHubSecret { get; set; }
}
