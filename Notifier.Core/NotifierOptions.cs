using System.ComponentModel.DataAnnotations;

namespace Notifier.Core;

/// <summary>Service-wide settings (section <c>Notifier</c>).</summary>
public sealed class NotifierOptions
{
    public const string SectionName = "Notifier";

    /// <summary>Where people reach this Notifier; the link of a message that names none.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";
}
