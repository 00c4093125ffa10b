using Notifier.Core.Accounts;

namespace Notifier.Core.Deliveries;

/// <summary>
/// What one claim took: the rows leased to this dispatcher, the accounts they belong to (read in the claim, once per
/// page), and how many due rows the claim looked at (the leased ones and those it held for the next day over the cap).
/// </summary>
public sealed record ClaimedPage(IReadOnlyList<ClaimedDelivery> Rows, IReadOnlyDictionary<long, Account> Accounts, int Examined)
{
    public static readonly ClaimedPage Empty = new([], new Dictionary<long, Account>(), 0);
}
