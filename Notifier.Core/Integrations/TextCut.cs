using System.Globalization;

namespace Notifier.Core.Integrations;

/// <summary>Fits text into a number of characters: cut at a word boundary when there is one near the end, then "…".</summary>
public static class TextCut
{
    public const string Ellipsis = "…";

    /// <summary>The text as is when it fits; else at most <paramref name="max"/> characters ending in "…".</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Whole text elements only: an emoji or a Hangul syllable is never split.
        var room = max - Ellipsis.Length;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= room)
        {
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        // A word boundary in the last third of what fits; a single long word is cut where it must be.
        var space = text.LastIndexOfAny([' ', '\n', '\t'], end);
        if (space > room * 2 / 3)
        {
            end = space;
        }

        return text[..end].TrimEnd() + Ellipsis;
    }
}
