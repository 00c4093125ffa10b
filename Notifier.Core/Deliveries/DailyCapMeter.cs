namespace Notifier.Core.Deliveries;

/// <summary>
/// The daily-cap arithmetic of a claim, as a pure function: due deliveries in due order take their account's remaining
/// memos for the day; the rest are over the cap.
/// </summary>
public static class DailyCapMeter
{
    public sealed record Split(IReadOnlyList<Delivery> Claimed, IReadOnlyList<Delivery> OverCap, IReadOnlyDictionary<long, int> Added);

    /// <param name="due">Due deliveries, in any order (they are taken in due order).</param>
    /// <param name="usedToday">Memos each account already used today (missing accounts: none).</param>
    /// <param name="cap">Memos an account may send per day.</param>
    public static Split Meter(IEnumerable<Delivery> due, IReadOnlyDictionary<long, int> usedToday, int cap)
    {
        var claimed = new List<Delivery>();
        var overCap = new List<Delivery>();
        var added = new Dictionary<long, int>();
        foreach (var delivery in due.OrderBy(d => d.DueAt).ThenBy(d => d.Id))
        {
            var taken = added.GetValueOrDefault(delivery.AccountId);
            if (usedToday.GetValueOrDefault(delivery.AccountId) + taken < cap)
            {
                added[delivery.AccountId] = taken + 1;
                claimed.Add(delivery);
            }
            else
            {
                overCap.Add(delivery);
            }
        }

        return new Split(claimed, overCap, added);
    }
}
