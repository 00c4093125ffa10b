using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Tests.Schedules;
using Notifier.Testing.Database;
using Notifier.Testing.Time;
using Xunit.Abstractions;

namespace Notifier.Core.Tests.Deliveries;

/// <summary><c>Dispatch:RetentionDays</c> (default 90) over thousands of old rows, on each database.</summary>
public abstract class RetentionTests<TDatabase>(TDatabase database, ITestOutputHelper output) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : class, ITestDatabase
{
    private const int Old = 5_500;
    private const int OldWaiting = 20;
    private const int Recent = 300;
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = TestClock.Create(Now);
    private ScheduleHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ScheduleHost.StartAsync(database, _clock);
        await _host.ClearAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Housekeeping_DeletesEverySettledDeliveryOlderThanTheRetention_WithItsKey_InBatches_AndKeepsTheRest()
    {
        var accountId = await _host.AddAccountAsync();
        var now = Now.UtcDateTime;
        var statuses = new[] { DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Unknown, DeliveryStatus.Skipped };
        // In id order as they were made: 120 to 91 days ago, then old rows still waiting (kept until they settle), then recent ones.
        await AddAsync(Enumerable.Range(0, Old).Select(i => Row(accountId, statuses[i % 4], now.AddDays(-120).AddMinutes(i * 7))));
        await AddAsync(Enumerable.Range(0, OldWaiting).Select(_ => Row(accountId, DeliveryStatus.Queued, now.AddDays(-91))));
        await AddAsync(Enumerable.Range(0, Recent).Select(i => Row(accountId, statuses[i % 4], now.AddDays(-89).AddMinutes(i))));
        await _host.InScopeAsync(async (NotifierDbContext db) =>
        {
            var oldIds = await db.Deliveries.OrderBy(d => d.Id).Select(d => d.Id).Take(10).ToListAsync();
            var recentIds = await db.Deliveries.OrderByDescending(d => d.Id).Select(d => d.Id).Take(10).ToListAsync();
            db.IdempotencyRecords.AddRange(oldIds.Concat(recentIds).Select(id => new IdempotencyRecord { Key = $"k{id}", RequestHash = "h", DeliveryId = id, CreatedAt = now }));
            return await db.SaveChangesAsync();
        });

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (deleted, batches) = await _host.InScopeAsync((DeliveryRetention retention) => retention.DeleteExpiredAsync(CancellationToken.None));
        output.WriteLine($"{deleted} deliveries deleted in {batches} statements, {started.ElapsedMilliseconds} ms");

        Assert.Equal(Old, deleted);
        Assert.Equal((Old + DeliveryRetention.BatchSize - 1) / DeliveryRetention.BatchSize, batches);
        var left = await _host.InScopeAsync((NotifierDbContext db) => db.Deliveries.AsNoTracking().ToListAsync());
        Assert.Equal(OldWaiting + Recent, left.Count);
        Assert.Equal(OldWaiting, left.Count(d => d.Status == DeliveryStatus.Queued));
        Assert.All(left.Where(d => d.Status != DeliveryStatus.Queued), d => Assert.True(d.CreatedAt >= now.AddDays(-90)));
        Assert.Equal(10, await _host.InScopeAsync((NotifierDbContext db) => db.IdempotencyRecords.CountAsync()));
        Assert.Equal(0, (await _host.InScopeAsync((DeliveryRetention retention) => retention.DeleteExpiredAsync(CancellationToken.None))).Deleted);
    }

    private static Delivery Row(long accountId, DeliveryStatus status, DateTime createdAt) => new()
    {
        AccountId = accountId,
        Status = status,
        TemplateJson = """{"object_type":"text","text":"old news"}""",
        CreatedAt = createdAt,
        DueAt = createdAt,
        SentAt = status == DeliveryStatus.Sent ? createdAt : null,
    };

    private Task<int> AddAsync(IEnumerable<Delivery> rows) => _host.InScopeAsync((NotifierDbContext db) =>
    {
        db.Deliveries.AddRange(rows);
        return db.SaveChangesAsync();
    });
}

public sealed class RetentionTestsOnMariaDb(MariaDbDatabase database, ITestOutputHelper output) : RetentionTests<MariaDbDatabase>(database, output);

public sealed class RetentionTestsOnSqlite(SqliteDatabase database, ITestOutputHelper output) : RetentionTests<SqliteDatabase>(database, output);
