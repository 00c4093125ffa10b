namespace Notifier.Floor;

/// <summary>A row the claim loop looks for, in <c>floor_items</c> (the bench creates the table).</summary>
internal sealed class FloorItem
{
    public const string CreateTable =
        "CREATE TABLE IF NOT EXISTS floor_items (Id BIGINT PRIMARY KEY AUTO_INCREMENT, State INT NOT NULL, due_at DATETIME(6) NOT NULL, KEY (State, due_at))";

    public long Id { get; set; }

    public int State { get; set; }

    public DateTime DueAt { get; set; }
}
