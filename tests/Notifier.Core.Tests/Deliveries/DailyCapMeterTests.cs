using Notifier.Core.Deliveries;

namespace Notifier.Core.Tests.Deliveries;

public sealed class DailyCapMeterTests
{
    private static readonly DateTime Noon = new(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void EachAccount_TakesWhatIsLeftOfItsDay_InDueOrder()
    {
        Delivery[] due = [Due(1, accountId: 7, minutes: 3), Due(2, accountId: 7, minutes: 1), Due(3, accountId: 7, minutes: 2), Due(4, accountId: 8, minutes: 0)];

        var split = DailyCapMeter.Meter(due, new Dictionary<long, int> { [7] = 18 }, cap: 20);

        Assert.Equal([4L, 2L, 3L], split.Claimed.Select(d => d.Id));
        Assert.Equal([1L], split.OverCap.Select(d => d.Id));
        Assert.Equal(2, split.Added[7]);
        Assert.Equal(1, split.Added[8]);
    }

    [Fact]
    public void AnAccountAtItsCap_TakesNothing_AndAddsNothing()
    {
        var split = DailyCapMeter.Meter([Due(1, accountId: 7, minutes: 0)], new Dictionary<long, int> { [7] = 20 }, cap: 20);

        Assert.Empty(split.Claimed);
        Assert.Single(split.OverCap);
        Assert.False(split.Added.ContainsKey(7));
    }

    [Fact]
    public void NoDeliveries_NothingClaimed()
    {
        var split = DailyCapMeter.Meter([], new Dictionary<long, int>(), cap: 20);

        Assert.Empty(split.Claimed);
        Assert.Empty(split.OverCap);
        Assert.Empty(split.Added);
    }

    private static Delivery Due(long id, long accountId, int minutes) =>
        new() { Id = id, AccountId = accountId, TemplateJson = "{}", CreatedAt = Noon, DueAt = Noon.AddMinutes(minutes) };
}
