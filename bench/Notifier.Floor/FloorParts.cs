namespace Notifier.Floor;

/// <summary>
/// Which libraries a floor process loads and uses (<c>Floor:Parts</c>, comma-separated). Each part does the least a
/// Notifier host does with that library, so the idle resident set is what the library costs before any product code.
/// </summary>
internal sealed record FloorParts(bool Web, bool EfCore, bool Ado, bool Quartz, bool DataProtection)
{
    public const string Names = "web, ef, ado, quartz, dp";

    public static FloorParts Parse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = parts.Except(Names.Split(", ")).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown Floor:Parts {string.Join(", ", unknown)}; known: {Names}.", nameof(text));
        }

        return new FloorParts(parts.Contains("web"), parts.Contains("ef"), parts.Contains("ado"), parts.Contains("quartz"), parts.Contains("dp"));
    }
}
