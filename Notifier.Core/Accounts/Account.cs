namespace Notifier.Core.Accounts;

/// <summary>A connected Kakao user and the tokens Notifier holds for them (encrypted; see <see cref="TokenProtector"/>).</summary>
public sealed class Account
{
    public long Id { get; set; }

    /// <summary>Kakao's user id for this app; unique.</summary>
    public long KakaoUserId { get; set; }

    public string Nickname { get; set; } = "";

    /// <summary>The access token, encrypted with Data Protection.</summary>
    public string AccessTokenCipher { get; set; } = "";

    /// <summary>The refresh token, encrypted with Data Protection.</summary>
    public string RefreshTokenCipher { get; set; } = "";

    public DateTime AccessTokenExpiresAt { get; set; }

    public DateTime RefreshTokenExpiresAt { get; set; }

    /// <summary>The consent items granted, space-separated as Kakao sends them.</summary>
    public string Scopes { get; set; } = "";

    public AccountStatus Status { get; set; } = AccountStatus.Active;

    /// <summary>Why the account is not active (shown to its owner); null while it is.</summary>
    public string? StatusReason { get; set; }

    public DateTime ConnectedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The IANA zone the owner reads times in on the owner pages (<see cref="IanaTimeZones"/>).</summary>
    public string TimeZone { get; set; } = IanaTimeZones.Default;

    /// <summary>True for the account that connected first while <c>Notifier:Owners</c> was empty; null for all others (unique).</summary>
    public bool? IsFirstOwner { get; set; }

    /// <summary>When the token upkeep job last tried this account (it tries each account at most twice a day).</summary>
    public DateTime? LastUpkeepAt { get; set; }

    /// <summary>When a caller last asked for a refresh through the API (one per minute per account, across every Api process).</summary>
    public DateTime? LastManualRefreshAt { get; set; }
}
