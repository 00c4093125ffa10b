namespace Notifier.Core.Accounts;

/// <summary>Whether Notifier can act for an account. Stored and shown as the snake_case names.</summary>
public enum AccountStatus
{
    /// <summary>Tokens are valid (or refreshable): messages go out.</summary>
    Active,

    /// <summary>The refresh token died or consent was withdrawn: the owner must connect again.</summary>
    ReauthorizationRequired,

    /// <summary>The person unlinked the app at Kakao: nothing more is tried.</summary>
    Unlinked,
}
