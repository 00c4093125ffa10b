using System.Collections.Frozen;
using Markdig.Extensions.Emoji;

namespace Notifier.Core.Integrations;

/// <summary>
/// ntfy's tag emoji: a tag that is an emoji short code (<c>warning</c>, <c>rotating_light</c>, <c>white_check_mark</c>,
/// <c>tada</c>, <c>skull</c>, …) becomes the emoji. ntfy takes its list from GitHub's gemoji, as Markdig's emoji
/// extension does, so the list comes from Markdig rather than a copy kept here.
/// </summary>
public static class NtfyEmoji
{
    private static readonly FrozenDictionary<string, string> ByShortCode = EmojiMapping.GetDefaultEmojiShortcodeToUnicode()
        .ToFrozenDictionary(e => e.Key.Trim(':'), e => e.Value, StringComparer.Ordinal);

    /// <summary>The emoji for a tag, or null when the tag is not a short code.</summary>
    public static string? For(string tag) => ByShortCode.GetValueOrDefault(tag.Trim());
}
