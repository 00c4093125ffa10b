using System.Globalization;
using Notifier.Core.Deliveries;

namespace Notifier.Api.ApiKeys;

/// <summary>How an <see cref="ApiCaller"/> is named where it leaves a trace: the delivery log, Idempotency-Keys, the rate limit.</summary>
internal static class ApiCallerRequests
{
    /// <summary>
    /// The name the delivery log shows: an owner key's own name, <c>operator:{name}</c> for a key from <c>Api:Keys</c>
    /// (owner key names cannot hold a colon, so the two never look alike).
    /// </summary>
    public static string LogName(this ApiCaller caller) => caller.IsOperator ? $"operator:{caller.KeyName}" : caller.KeyName;

    /// <summary>Unique among every key (two owners may both name a key "ci"): what Idempotency-Keys and the rate limit are per.</summary>
    public static string Scope(this ApiCaller caller) => caller.AccountId is { } account
        ? $"account:{account.ToString(CultureInfo.InvariantCulture)}:{caller.KeyName}"
        : $"operator:{caller.KeyName}";

    public static IntakeRequester Requester(this ApiCaller caller) => new(caller.LogName(), caller.Scope());
}
