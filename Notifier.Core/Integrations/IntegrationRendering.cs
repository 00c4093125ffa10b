using Notifier.Core.Messages;

namespace Notifier.Core.Integrations;

/// <summary>
/// An <see cref="IntegrationMessage"/> fitted to KakaoTalk: the checked template (or why it could not be made), and the
/// rows stored with its delivery (the whole-message page when the text was cut, the redirects of foreign links).
/// </summary>
public sealed record IntegrationRendering(MessageValidation Template, MessagePageRecord? Page, IReadOnlyList<LinkRedirect> Redirects);
