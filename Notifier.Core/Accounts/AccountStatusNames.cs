namespace Notifier.Core.Accounts;

/// <summary>The wire and database names of <see cref="AccountStatus"/>.</summary>
public static class AccountStatusNames
{
    public const string Active = "active";
    public const string ReauthorizationRequired = "reauthorization_required";
    public const string Unlinked = "unlinked";

    public static string ToName(this AccountStatus status) => status switch
    {
        AccountStatus.Active => Active,
        AccountStatus.ReauthorizationRequired => ReauthorizationRequired,
        AccountStatus.Unlinked => Unlinked,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static AccountStatus Parse(string name) => name switch
    {
        Active => AccountStatus.Active,
        ReauthorizationRequired => AccountStatus.ReauthorizationRequired,
        Unlinked => AccountStatus.Unlinked,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown account status."),
    };
}
