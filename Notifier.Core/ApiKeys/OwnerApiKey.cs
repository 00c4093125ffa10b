namespace Notifier.Core.ApiKeys;

/// <summary>
/// An API key an owner made on the <c>/keys</c> page, scoped to their account. Only a hash of the key is kept: the key
/// itself is shown once, when it is made.
/// </summary>
public sealed class OwnerApiKey
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    /// <summary>The owner's name for it, unique within the account; logs and the delivery log show it.</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key (lowercase hex): a random 256-bit key needs no salt or slow hash.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The key's first characters, so the owner can tell keys apart without the key.</summary>
    public string Hint { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When a request last authenticated with it (written at most once a minute).</summary>
    public DateTime? LastUsedAt { get; set; }
}
