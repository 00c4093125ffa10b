using System.Text.Json.Serialization;

namespace Notifier.Api.Integrations.Ntfy;

/// <summary>
/// ntfy's <c>GET /v1/account</c> answer, as the <c>aiontfy</c> client (Home Assistant's ntfy integration) parses it: its
/// <c>Account</c> needs <c>username</c> and <c>stats</c> (every count), and when present <c>limits</c> (every limit) and
/// <c>tier</c> (code, name); lists must be lists, never null.
/// </summary>
public sealed record NtfyAccount(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("tier")] NtfyTier Tier,
    [property: JsonPropertyName("limits")] NtfyLimits Limits,
    [property: JsonPropertyName("stats")] NtfyStats Stats)
{
    /// <summary>Notifier keeps no ntfy subscriptions, reservations or tokens: empty lists, as ntfy answers for a new user.</summary>
    [JsonPropertyName("subscriptions")] public IReadOnlyList<string> Subscriptions { get; } = [];

    [JsonPropertyName("reservations")] public IReadOnlyList<string> Reservations { get; } = [];

    [JsonPropertyName("tokens")] public IReadOnlyList<string> Tokens { get; } = [];
}

public sealed record NtfyTier(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name);

/// <summary>The limits: memos per day (the daily cap) and how long they are kept (the retention); nothing else is offered (0).</summary>
public sealed record NtfyLimits(
    [property: JsonPropertyName("basis")] string Basis,
    [property: JsonPropertyName("messages")] long Messages,
    [property: JsonPropertyName("messages_expiry_duration")] long MessagesExpiryDuration,
    [property: JsonPropertyName("emails")] long Emails,
    [property: JsonPropertyName("calls")] long Calls,
    [property: JsonPropertyName("reservations")] long Reservations,
    [property: JsonPropertyName("attachment_total_size")] long AttachmentTotalSize,
    [property: JsonPropertyName("attachment_file_size")] long AttachmentFileSize,
    [property: JsonPropertyName("attachment_expiry_duration")] long AttachmentExpiryDuration,
    [property: JsonPropertyName("attachment_bandwidth")] long AttachmentBandwidth);

/// <summary>Today's use (the Korean day, as the daily cap counts it).</summary>
public sealed record NtfyStats(
    [property: JsonPropertyName("messages")] long Messages,
    [property: JsonPropertyName("messages_remaining")] long MessagesRemaining,
    [property: JsonPropertyName("emails")] long Emails,
    [property: JsonPropertyName("emails_remaining")] long EmailsRemaining,
    [property: JsonPropertyName("calls")] long Calls,
    [property: JsonPropertyName("calls_remaining")] long CallsRemaining,
    [property: JsonPropertyName("reservations")] long Reservations,
    [property: JsonPropertyName("reservations_remaining")] long ReservationsRemaining,
    [property: JsonPropertyName("attachment_total_size")] long AttachmentTotalSize,
    [property: JsonPropertyName("attachment_total_size_remaining")] long AttachmentTotalSizeRemaining);

/// <summary>ntfy's <c>POST /v1/account/token</c> answer (<c>aiontfy</c>'s <c>AccountTokenResponse</c>: <c>token</c> and <c>last_access</c> required).</summary>
public sealed record NtfyToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("last_access")] long LastAccess)
{
    [JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }
}

/// <summary>ntfy's error body (<c>{"code":40101,"http":401,"error":"...","link":"..."}</c>): <c>aiontfy</c> reads exactly these four keys.</summary>
public sealed record NtfyError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("http")] int Http,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("link")] string Link);
