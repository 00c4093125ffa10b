namespace Notifier.Floor;

/// <summary>A row the claim loop looks for, in <c>floor_items</c> (<c>FloorBench</c> in bench/Notifier.Bench creates the table).</summary>
internal sealed class FloorItem
{
    public long Id { get; set; }

    public int State { get; set; }

    public DateTime DueAt { get; set; }
}
