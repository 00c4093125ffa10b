namespace Notifier.Core.Data;

/// <summary>One XML element of the Data Protection key ring, shared by every Notifier process.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
