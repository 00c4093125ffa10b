using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Notifier.Core.Messages;

namespace Notifier.Core.Integrations;

/// <summary>
/// Fits an <see cref="IntegrationMessage"/> to KakaoTalk's limits, once for every integration: tags and priority as emoji
/// in front of the title, text longer than <see cref="MessageLimits.TextLength"/> cut at a word with a "전체 보기" button to
/// the whole message (<c>{PublicUrl}/m/{token}</c>), links Kakao would not open carried through <c>{PublicUrl}/r/{token}</c>,
/// or dropped when Notifier's own address is not a registered site domain either. The template is then checked by
/// <see cref="MessageTemplateBuilder"/> like any other message.
/// </summary>
public sealed class IntegrationRenderer(
    LinkPolicy links, MessageTemplateBuilder templates, IOptionsMonitor<NotifierOptions> notifier, TimeProvider time)
{
    public const string ViewAll = "전체 보기";
    public const string OpenLabel = "열기";
    public const string Urgent = "🚨";

    /// <summary>Characters of text a memo shows (Kakao's limit for a text memo, used for a card's description too).</summary>
    public const int TextBudget = MessageLimits.TextLength;

    /// <summary>The longest link kept behind a redirect (the redirect itself is short).</summary>
    public const int RedirectedUrlLength = 4000;

    public IntegrationRendering Render(IntegrationMessage message)
    {
        var publicUrl = notifier.CurrentValue.PublicUrlOrDefault.TrimEnd('/');
        // Notifier's own pages can be linked only when its address is a site domain Kakao opens.
        var canHost = links.Check(publicUrl + "/m/x") is null;
        // A memo needs a link; without one of its own it links to Notifier, or else to the first registered site domain.
        var fallback = canHost ? null : links.AllowedDomains.Select(d => $"{d.Scheme ?? "https"}://{d.Host}{(d.Port is { } p ? $":{p}" : "")}").First();
        var redirects = new List<LinkRedirect>();
        string? Openable(string? url) => OpenableLink(url, publicUrl, canHost, redirects);

        var tags = message.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        var emoji = string.Concat((message.Priority >= 5 ? [Urgent] : Array.Empty<string>()).Concat(tags.Select(NtfyEmoji.For).OfType<string>()));
        var hashTags = string.Join(' ', tags.Where(t => NtfyEmoji.For(t) is null).Select(t => "#" + t));
        var title = string.IsNullOrWhiteSpace(message.Title) ? null : message.Title.Trim();
        var body = message.Body.Trim();

        var buttons = message.Buttons
            .Select(b => (b.Label, Url: Openable(b.Url)))
            .Where(b => b.Url is not null && !string.IsNullOrWhiteSpace(b.Label))
            .Select(b => new CardButton { Title = TextCut.Fit(b.Label.Trim(), 40), Link = b.Url })
            .ToList();
        var click = Openable(message.Click);
        if (click is not null && buttons.Count == 0)
        {
            buttons.Add(new CardButton { Title = OpenLabel, Link = click });
        }

        var image = message.ImageUrl is { Length: <= MessageLimits.UrlLength } i && Uri.TryCreate(i.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? i.Trim()
            : null;

        // Plain text with nothing else: a text memo, as ntfy shows a message without a title.
        var plain = Join(" ", emoji, body) + (hashTags.Length > 0 ? "\n" + hashTags : "");
        if (title is null && image is null && buttons.Count == 0 && plain.Length <= TextBudget && body.Length > 0)
        {
            return new IntegrationRendering(templates.Build(new MessageContent { Text = plain, Link = fallback }), null, redirects);
        }

        var room = TextBudget - (hashTags.Length > 0 ? hashTags.Length + 1 : 0);
        var description = TextCut.Fit(body, Math.Max(room, TextBudget / 2));
        MessagePageRecord? page = null;
        if (description.Length < body.Length && canHost)
        {
            page = Page(message, tags);
            var viewAll = new CardButton { Title = ViewAll, Link = $"{publicUrl}/m/{page.Token}" };
            buttons = [.. buttons.Take(MessageLimits.Buttons - 1), viewAll];
        }

        description = Join("\n", description, hashTags);
        var card = new CardContent
        {
            Title = TextCut.Fit(Join(" ", emoji, title ?? message.Topic), MessageLimits.TitleLength),
            Description = description.Length > 0 ? TextCut.Fit(description, TextBudget) : null,
            ImageUrl = image,
            Link = click ?? buttons.FirstOrDefault()?.Link ?? fallback,
            Buttons = buttons.Take(MessageLimits.Buttons).ToList(),
        };
        return new IntegrationRendering(templates.Build(new MessageContent { Card = card }), page, redirects);
    }

    /// <summary>The link as is when Kakao opens it, through a redirect on Notifier when it can host one, else null.</summary>
    private string? OpenableLink(string? url, string publicUrl, bool canHost, List<LinkRedirect> redirects)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var link = url.Trim();
        if (links.Check(link) is null)
        {
            return link;
        }

        if (!canHost || link.Length > RedirectedUrlLength)
        {
            return null;
        }

        var redirect = redirects.FirstOrDefault(r => r.Url == link) ?? new LinkRedirect { Token = NewToken(), Url = link };
        if (!redirects.Contains(redirect))
        {
            redirects.Add(redirect);
        }

        return $"{publicUrl}/r/{redirect.Token}";
    }

    private MessagePageRecord Page(IntegrationMessage message, IReadOnlyList<string> tags)
    {
        var pageLinks = new List<IntegrationButton>();
        if (!string.IsNullOrWhiteSpace(message.Click))
        {
            pageLinks.Add(new IntegrationButton(OpenLabel, message.Click.Trim()));
        }

        pageLinks.AddRange(message.Buttons.Where(b => pageLinks.All(l => l.Url != b.Url)));
        return new MessagePageRecord
        {
            Token = NewToken(),
            Topic = message.Topic,
            RequestedBy = message.RequestedBy,
            Title = message.Title?.Trim() is { Length: > 0 } t ? TextCut.Fit(t, 1000) : null,
            Body = message.Body.Trim(),
            Tags = TextCut.Fit(string.Join(',', tags), 1000),
            Markdown = message.Markdown,
            LinksJson = JsonSerializer.Serialize(pageLinks),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>256 random bits, base64url: unguessable, and safe in a path.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));
}
