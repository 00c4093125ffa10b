using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Notifier.Api.Integrations;

/// <summary>
/// Markdown to HTML for the whole-message page, safely: raw HTML is shown as text (Markdig's <c>DisableHtml</c>), a link
/// or image whose scheme is not http, https or mailto loses its URL, and no extension that writes attributes is on.
/// The page's Content-Security-Policy runs no script either way.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseTaskLists()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url) && !link.IsEmail)
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        url is null || url.StartsWith('#') || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
}
