using System.Text.RegularExpressions;

namespace Notifier.Core.Integrations;

/// <summary>ntfy's topic names: 1 to 64 of <c>A-Z a-z 0-9 _ -</c>.</summary>
public static partial class TopicNames
{
    public const int MaxLength = 64;

    public const string Rule = "1 to 64 letters, digits, '_' or '-'";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
