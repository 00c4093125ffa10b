using Notifier.Core.Messages;

namespace Notifier.Api.OwnerPages;

/// <summary>The "send a test card" form as the browser posts it.</summary>
public sealed class TestCardForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Link { get; set; }

    public MessageContent ToContent() => new()
    {
        Card = new CardContent { Title = Blank(Title), Description = Blank(Description), Link = Blank(Link) },
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
