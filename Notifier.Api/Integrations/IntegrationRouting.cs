using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notifier.Api.ApiKeys;
using Notifier.Core;
using Notifier.Core.Data;

namespace Notifier.Api.Integrations;

/// <summary>
/// Which account an integration's message goes to: the caller's own account (a key scoped to an account), else for an
/// operator key the account the topic is mapped to (page <c>/topics</c>, then <c>Api:Topics:{topic}</c>), else the only
/// connected account. Several accounts and no mapping: a 400 that says how to map the topic.
/// </summary>
internal sealed class IntegrationRouting(NotifierDbContext db, IOptionsMonitor<ApiOptions> api)
{
    /// <summary>The account (null: the intake takes the only one, or says none is connected), or the problem.</summary>
    public async Task<(long? AccountId, ProblemHttpResult? Problem)> ResolveAsync(ApiCaller caller, string topic, CancellationToken cancellationToken)
    {
        if (caller.AccountId is { } own)
        {
            return (own, null);
        }

        var mapped = await db.Topics.AsNoTracking().Where(t => t.Name == topic).Select(t => (long?)t.AccountId).FirstOrDefaultAsync(cancellationToken);
        if (mapped is not null)
        {
            return (mapped, null);
        }

        if (api.CurrentValue.Topics.TryGetValue(topic, out var configured))
        {
            return (configured, null);
        }

        var accounts = await db.Accounts.AsNoTracking().Select(a => a.Id).Take(2).CountAsync(cancellationToken);
        return accounts > 1
            ? (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: $"The topic '{topic}' is not mapped to an account",
                detail: $"Several KakaoTalk accounts are connected, and nothing says which one gets '{topic}'. Map it: sign in as the " +
                        $"account that should receive it and add the topic on /topics, or set Api:Topics:{topic} to the account id " +
                        $"(environment Api__Topics__{topic}=<id>), or publish with a key of that account."))
            : (null, null);
    }

    /// <summary>
    /// The zone of the account a message goes to: <paramref name="accountId"/>'s, else (the intake takes the only account)
    /// the only account's, else <see cref="IanaTimeZones.Default"/>.
    /// </summary>
    public async Task<TimeZoneInfo> ZoneAsync(long? accountId, CancellationToken cancellationToken)
    {
        var zones = await db.Accounts.AsNoTracking().Where(a => accountId == null || a.Id == accountId)
            .Select(a => a.TimeZone).Take(2).ToListAsync(cancellationToken);
        return IanaTimeZones.OrDefault(zones.Count == 1 ? zones[0] : null);
    }
}
