namespace Notifier.Core.Owners;

/// <summary>
/// A single-use link an owner made so that one more person may connect their own KakaoTalk. Only a hash of its token
/// is kept (<see cref="InviteTokens"/>); the link itself was shown once.
/// </summary>
public sealed class Invite
{
    /// <summary>How long a link stays usable.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public long Id { get; set; }

    /// <summary>SHA-256 of the token, lowercase hex; unique.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The account of the owner who made it.</summary>
    public long CreatedByAccountId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When a person connected with it; null while it is unused.</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>The Kakao user who connected with it.</summary>
    public long? UsedByKakaoUserId { get; set; }
}
