namespace Notifier.Core.Deliveries;

public static class DeliveryStatusNames
{
    public static string ToName(this DeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out DeliveryStatus status) =>
        Enum.TryParse(name, ignoreCase: true, out status) && Enum.IsDefined(status) && name!.All(char.IsAsciiLetter);

    public static DeliveryStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown delivery status.");
}
