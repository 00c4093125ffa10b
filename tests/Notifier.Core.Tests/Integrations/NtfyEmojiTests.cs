using Notifier.Core.Integrations;

namespace Notifier.Core.Tests.Integrations;

/// <summary>ntfy's tag emoji (GitHub's short codes, as ntfy's emoji list has them).</summary>
public sealed class NtfyEmojiTests
{
    [Theory]
    [InlineData("warning", "⚠️")]
    [InlineData("rotating_light", "🚨")]
    [InlineData("white_check_mark", "✅")]
    [InlineData("tada", "🎉")]
    [InlineData("skull", "💀")]
    [InlineData("+1", "👍")]
    [InlineData("x", "❌")]
    public void AShortCode_IsItsEmoji(string tag, string emoji) => Assert.Equal(emoji, NtfyEmoji.For(tag));

    [Theory]
    [InlineData("backup")]
    [InlineData("nas-1")]
    [InlineData("")]
    public void AnyOtherTag_IsNoEmoji(string tag) => Assert.Null(NtfyEmoji.For(tag));
}
