namespace Notifier.Core.Owners;

/// <summary>
/// The Kakao user who just authorized may not connect to this Notifier. Nothing was stored, and the token Kakao issued
/// was handed back (unlinked) before this was thrown.
/// </summary>
public sealed class NotAdmittedException(NotAdmittedReason reason, bool tokenRevoked)
    : Exception(reason == NotAdmittedReason.InviteNoLongerValid
        ? "The invite was used, revoked or expired before the connect completed."
        : "This Notifier belongs to someone else.")
{
    public NotAdmittedReason Reason { get; } = reason;

    /// <summary>Whether Kakao confirmed the unlink (false: Kakao could not be reached; the token was not stored either).</summary>
    public bool TokenRevoked { get; } = tokenRevoked;
}

public enum NotAdmittedReason
{
    /// <summary>Not listed, not invited, and this Notifier already has an owner.</summary>
    Stranger,

    /// <summary>Came with an invite that was used by someone else, revoked or expired in the meantime.</summary>
    InviteNoLongerValid,
}
