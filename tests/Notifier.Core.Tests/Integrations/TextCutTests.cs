using Notifier.Core.Integrations;

namespace Notifier.Core.Tests.Integrations;

/// <summary>Long text fits Kakao's 200 characters: cut at a word, never inside an emoji, always ending in "…".</summary>
public sealed class TextCutTests
{
    [Fact]
    public void TextThatFits_IsUnchanged() => Assert.Equal("short text", TextCut.Fit("short text", 200));

    [Fact]
    public void LongText_IsCutAtTheLastWordThatFits()
    {
        var text = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}"));

        var cut = TextCut.Fit(text, 50);

        Assert.True(cut.Length <= 50, cut);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.StartsWith(cut[..^1] + " ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OneLongWord_IsCutWhereItMustBe()
    {
        var cut = TextCut.Fit(new string('a', 300), 200);

        Assert.Equal(new string('a', 199) + "…", cut);
    }

    [Fact]
    public void AnEmojiOrASyllable_IsNeverSplit()
    {
        var text = string.Concat(Enumerable.Repeat("🚨", 150));

        var cut = TextCut.Fit(text, 200);

        Assert.True(cut.Length <= 200);
        Assert.Equal(string.Concat(Enumerable.Repeat("🚨", 99)) + "…", cut);
        Assert.Equal("가나다…", TextCut.Fit("가나다라마바사", 4));
    }
}
