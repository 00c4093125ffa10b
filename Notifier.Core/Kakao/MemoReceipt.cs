namespace Notifier.Core.Kakao;

/// <summary>Kakao took a memo (it answered 2xx). <see cref="Note"/> says what was odd about the answer, if anything.</summary>
public sealed record MemoReceipt(string? Note)
{
    public static readonly MemoReceipt Clean = new((string?)null);
}
