using Notifier.Core.Messages;

namespace Notifier.Api.Messages;

/// <summary>The body of <c>POST /api/messages</c>: an optional account and exactly one of text, card or template.</summary>
public sealed record SendMessageRequest : MessageContent
{
    /// <summary>The account to send to; may be left out when exactly one account is connected.</summary>
    public long? AccountId { get; init; }
}
