using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Kakao;
using Notifier.Core.Messages;

namespace Notifier.Core.Tests.Messages;

/// <summary>
/// Kakao's "200 characters" counted as UTF-16 code units, as a Java server's <c>String.length()</c> counts them
/// (docs/decisions/0010): an emoji outside the BMP is two, a Hangul syllable one. The strictest of the plausible units,
/// so nothing Notifier accepts can be too long for Kakao.
/// </summary>
public sealed class CharacterCountTests
{
    private static readonly MessageTemplateBuilder Builder = new ServiceCollection()
        .Configure<KakaoOptions>(_ => { })
        .Configure<NotifierOptions>(_ => { })
        .AddSingleton<LinkPolicy>()
        .AddSingleton<MessageTemplateBuilder>()
        .BuildServiceProvider()
        .GetRequiredService<MessageTemplateBuilder>();

    [Theory]
    [InlineData("가", 200, true)]
    [InlineData("가", 201, false)]
    [InlineData("😀", 100, true)] // 100 code points, 200 UTF-16 code units
    [InlineData("😀", 101, false)] // 101 code points: fewer than 200, but 202 code units
    public void TextLength_CountsUtf16CodeUnits(string unit, int repeat, bool accepted)
    {
        var text = string.Concat(Enumerable.Repeat(unit, repeat));

        var result = Builder.Build(new MessageContent { Text = text });

        Assert.Equal(accepted, result.IsValid);
        if (!accepted)
        {
            Assert.Contains($"it has {text.Length}", Assert.Single(result.Errors["text"]), StringComparison.Ordinal);
        }
    }
}
