using System.Text.Json;
using Notifier.Core.Integrations;

namespace Notifier.Api.Integrations.Hooks;

/// <summary>
/// The GitHub events that become a memo: <c>workflow_run</c> completed, <c>release</c> published, <c>issues</c> and
/// <c>pull_request</c> opened or closed (merged), <c>push</c> to the default branch. Anything else is null: accepted, not sent.
/// </summary>
internal static class GitHubEvents
{
    public static IntegrationMessage? Render(string topic, string gitHubEvent, JsonElement payload)
    {
        var repository = Text(payload, "repository", "full_name") ?? "GitHub";
        var action = Text(payload, "action");
        return gitHubEvent switch
        {
            "workflow_run" when action == "completed" => WorkflowRun(topic, repository, payload.GetProperty("workflow_run")),
            "release" when action == "published" => Release(topic, repository, payload.GetProperty("release")),
            "issues" when action is "opened" or "closed" => Issue(topic, repository, payload.GetProperty("issue"), action, "Issue", "🐛"),
            "pull_request" when action is "opened" or "closed" =>
                Issue(topic, repository, payload.GetProperty("pull_request"), Merged(payload) ? "merged" : action, "PR", "🔀"),
            "push" when Text(payload, "ref") is { } pushed && pushed == $"refs/heads/{Text(payload, "repository", "default_branch")}" =>
                Push(topic, repository, payload, pushed["refs/heads/".Length..]),
            _ => null,
        };
    }

    private static IntegrationMessage WorkflowRun(string topic, string repository, JsonElement run)
    {
        var conclusion = Text(run, "conclusion") ?? "unknown";
        var emoji = conclusion == "success" ? "✅" : "❌";
        var branch = Text(run, "head_branch");
        return Message(topic, $"{emoji} {Text(run, "name")} · {branch}",
            $"{repository}: {conclusion} on {branch}\n{Text(run, "display_title")}", Text(run, "html_url"));
    }

    private static IntegrationMessage Release(string topic, string repository, JsonElement release) =>
        Message(topic, $"🚀 {repository} {Text(release, "name") ?? Text(release, "tag_name")}", Text(release, "body") ?? "", Text(release, "html_url"), markdown: true);

    private static IntegrationMessage Issue(string topic, string repository, JsonElement issue, string action, string kind, string emoji) =>
        Message(topic, $"{emoji} {kind} #{Number(issue)} {action}: {Text(issue, "title")}",
            $"{repository} · {Text(issue, "user", "login")}\n{Text(issue, "body")}", Text(issue, "html_url"), markdown: true);

    private static IntegrationMessage Push(string topic, string repository, JsonElement push, string branch)
    {
        var commits = push.TryGetProperty("commits", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        var lines = commits.Select(c => $"• {Text(c, "id")?[..Math.Min(7, Text(c, "id")!.Length)]} {Text(c, "message")?.Split('\n')[0]}");
        return Message(topic, $"⬆️ {repository} · {commits.Count} commit{(commits.Count == 1 ? "" : "s")} to {branch}",
            $"{Text(push, "pusher", "name")}\n{string.Join('\n', lines)}", Text(push, "compare"));
    }

    private static IntegrationMessage Message(string topic, string title, string body, string? link, bool markdown = false) => new()
    {
        Topic = topic,
        RequestedBy = "github",
        Title = title,
        Body = body.Trim(),
        Click = link,
        Buttons = link is null ? [] : [new IntegrationButton("GitHub", link)],
        Markdown = markdown,
    };

    private static bool Merged(JsonElement payload) =>
        payload.TryGetProperty("pull_request", out var pr) && pr.TryGetProperty("merged", out var merged) && merged.ValueKind == JsonValueKind.True;

    private static string? Number(JsonElement issue) =>
        issue.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.Number ? number.GetRawText() : null;

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
