namespace Notifier.Api.Integrations.Ntfy;

/// <summary>ntfy's priorities: 1 to 5, or min, low, default, high, urgent (and max).</summary>
internal static class NtfyPriority
{
    public const string Rule = "1 to 5, or min, low, default, high, urgent (max)";

    public static bool TryParse(string? value, out int priority)
    {
        priority = (value?.Trim().ToLowerInvariant() ?? "") switch
        {
            "" or "3" or "default" => 3,
            "1" or "min" => 1,
            "2" or "low" => 2,
            "4" or "high" => 4,
            "5" or "max" or "urgent" => 5,
            _ => 0,
        };
        return priority != 0;
    }
}
