namespace Notifier.Core.Messages;

/// <summary>Kakao's limits (kakao-api.md §4) and Notifier's own, checked before anything is stored.</summary>
public static class MessageLimits
{
    /// <summary>Kakao: the text of a text template.</summary>
    public const int TextLength = 200;

    /// <summary>Kakao: buttons per message (a card is a feed template).</summary>
    public const int Buttons = 2;

    /// <summary>Kakao: a location template has its own fixed "위치 보기" button, and a calendar takes one (Kakao's SDK templates).</summary>
    public const int ButtonsOfLocationOrCalendar = 1;

    /// <summary>Kakao: the header of a list template.</summary>
    public const int HeaderTitleLength = 200;

    /// <summary>Kakao: contents of a list template.</summary>
    public const int ListContentsMin = 2;

    public const int ListContentsMax = 3;

    /// <summary>Notifier: titles, descriptions and button labels (display limits are Kakao's concern, this only stops junk).</summary>
    public const int TitleLength = 200;

    public const int DescriptionLength = 1000;

    public const int UrlLength = 2000;

    /// <summary>Notifier: the whole template object as sent.</summary>
    public const int TemplateJsonLength = 10_000;

    /// <summary>Notifier: arguments of a console template (Kakao documents no limit; these only stop junk).</summary>
    public const int TemplateArgsCount = 50;

    public const int TemplateArgKeyLength = 100;

    public const int TemplateArgValueLength = 1000;

    public static readonly string[] TemplateTypes = ["feed", "list", "location", "commerce", "text", "calendar"];

    /// <summary>Kakao: what a calendar template's <c>id_type</c> may be.</summary>
    public static readonly string[] CalendarIdTypes = ["event", "calendar"];

    /// <summary>Kakao: the fields of a link object; it needs one of them and holds nothing else.</summary>
    public static readonly string[] LinkFields = ["web_url", "mobile_web_url", "android_execution_params", "ios_execution_params"];

    /// <summary>How many buttons Kakao takes on a template of this <c>object_type</c>.</summary>
    public static int ButtonsFor(string objectType) =>
        objectType is "location" or "calendar" ? ButtonsOfLocationOrCalendar : Buttons;
}
