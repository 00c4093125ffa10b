namespace Notifier.Core.Owners;

/// <summary>What an invite link is worth when someone follows it.</summary>
public abstract record InviteState
{
    private InviteState()
    {
    }

    /// <summary>No such link: never made, revoked, or mistyped.</summary>
    public sealed record Unknown : InviteState;

    public sealed record Used : InviteState;

    public sealed record Expired : InviteState;

    /// <summary>Usable: the connect that follows carries <paramref name="InviteId"/>.</summary>
    public sealed record Pending(long InviteId) : InviteState;
}
