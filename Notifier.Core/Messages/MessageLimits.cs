namespace Notifier.Core.Messages;

/// <summary>Kakao's limits (kakao-api.md §4) and Notifier's own, checked before anything is stored.</summary>
public static class MessageLimits
{
    /// <summary>Kakao: the text of a text template.</summary>
    public const int TextLength = 200;

    /// <summary>Kakao: buttons per message.</summary>
    public const int Buttons = 2;

    /// <summary>Kakao: contents of a list template.</summary>
    public const int ListContentsMin = 2;

    public const int ListContentsMax = 3;

    /// <summary>Notifier: titles, descriptions and button labels (display limits are Kakao's concern, this only stops junk).</summary>
    public const int TitleLength = 200;

    public const int DescriptionLength = 1000;

    public const int UrlLength = 2000;

    /// <summary>Notifier: the whole template object as sent.</summary>
    public const int TemplateJsonLength = 10_000;

    public static readonly string[] TemplateTypes = ["feed", "list", "location", "commerce", "text", "calendar"];
}
