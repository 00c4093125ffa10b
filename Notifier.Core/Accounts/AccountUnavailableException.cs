namespace Notifier.Core.Accounts;

/// <summary>Notifier cannot act for this account until its owner connects again.</summary>
public sealed class AccountUnavailableException(long accountId, AccountStatus status, string reason)
    : Exception($"Account {accountId} is {status.ToName()}: {reason}")
{
    public long AccountId { get; } = accountId;

    public AccountStatus Status { get; } = status;
}
