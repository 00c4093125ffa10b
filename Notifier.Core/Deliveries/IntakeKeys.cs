using Microsoft.EntityFrameworkCore;
using Notifier.Core.Data;

namespace Notifier.Core.Deliveries;

/// <summary>
/// The Idempotency-Keys of one intake group. A key stored before replays its delivery (or is refused for another body);
/// a key twice in the group is stored once, by its first row (the leader), and the others answer as the leader did.
/// Keys of other processes' groups meet at the primary key of <c>idempotency_keys</c>, the one arbiter.
/// </summary>
internal sealed class IntakeKeys
{
    private readonly Dictionary<(string Scope, string Key), int> _leaders = [];
    private readonly Dictionary<int, int> _followers = [];
    private readonly List<(string Scope, string Key)> _stale = [];

    public bool HasStale => _stale.Count > 0;

    public bool IsFollower(int row) => _followers.ContainsKey(row);

    /// <summary>Answers the rows whose key replays (one query for the group's keys, one for their deliveries) and picks leaders.</summary>
    public static async Task<IntakeKeys> SortAsync(NotifierDbContext db, IReadOnlyList<IntakeRow> rows, IntakeResult?[] results, DateTime now, CancellationToken cancellationToken)
    {
        var keys = new IntakeKeys();
        var asked = rows.Where(r => r.IdempotencyKey is not null).Select(r => r.IdempotencyKey!).Distinct().ToList();
        if (asked.Count == 0)
        {
            return keys;
        }

        var records = (await db.IdempotencyRecords.AsNoTracking().Where(r => asked.Contains(r.Key)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Scope, r.Key));
        var replays = new Dictionary<int, long>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].KeyOf is not { } key)
            {
                continue;
            }

            // A key whose window has passed (an integration's dedupe) no longer replays: the message is new again.
            if (records.TryGetValue(key, out var record) && rows[i].Extras?.KeyWindow is { } window && record.CreatedAt < now - window)
            {
                keys._stale.Add(key);
                records.Remove(key);
            }

            if (records.TryGetValue(key, out record))
            {
                if (record.RequestHash == rows[i].RequestHash)
                {
                    replays[i] = record.DeliveryId;
                }
                else
                {
                    results[i] = new IntakeResult.KeyReused();
                }
            }
            else if (!keys._leaders.TryAdd(key, i))
            {
                keys._followers[i] = keys._leaders[key];
            }
        }

        if (replays.Count > 0)
        {
            var ids = replays.Values.Distinct().ToList();
            var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            foreach (var (i, id) in replays)
            {
                results[i] = new IntakeResult.Replayed(deliveries[id]);
            }
        }

        return keys;
    }

    /// <summary>Deletes the records whose window passed, in the group's transaction (a concurrent twin then meets the primary key).</summary>
    public async Task DeleteStaleAsync(NotifierDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (scope, key) in _stale)
        {
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>A row whose key its leader stored answers as a replay of it; with another body, as a reused key.</summary>
    public void AnswerFollowers(IReadOnlyList<IntakeRow> rows, IntakeResult?[] results)
    {
        foreach (var (i, leader) in _followers)
        {
            var same = rows[i].RequestHash == rows[leader].RequestHash;
            results[i] = results[leader] switch
            {
                IntakeResult.Accepted accepted => same ? new IntakeResult.Replayed(accepted.Delivery) : new IntakeResult.KeyReused(),
                // The leader was refused, so the key is not used: the same body gets the same refusal; another is asked to retry.
                { } refused => same ? refused : new IntakeResult.KeyInFlight(),
                null => throw new InvalidOperationException("A key's leader was left without an answer."),
            };
        }
    }
}
