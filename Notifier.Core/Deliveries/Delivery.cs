namespace Notifier.Core.Deliveries;

/// <summary>One memo to send: a row in the outbox before anything goes to Kakao.</summary>
public sealed class Delivery
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Queued;

    /// <summary>
    /// The Kakao default template, exactly as it is sent as <c>template_object</c>; or, for a console template or a scrap,
    /// the envelope <see cref="Kakao.StoredMemo"/> reads.
    /// </summary>
    public string TemplateJson { get; set; } = "";

    /// <summary>How many times a dispatcher tried to send it.</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Queued: not to be sent before this time (retry backoff, quota postponement). Sending: when the lease runs out
    /// and another dispatcher may take the row over. One column for both keeps the claim query on one index range.
    /// </summary>
    public DateTime DueAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The dispatcher holding the row while <see cref="Status"/> is <see cref="DeliveryStatus.Sending"/>.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>The schedule this delivery was fired by, if any.</summary>
    public long? ScheduleId { get; set; }

    /// <summary>The schedule fire time this delivery belongs to; unique with <see cref="ScheduleId"/>.</summary>
    public DateTime? FireTime { get; set; }

    /// <summary>The topic an integration published it to (ntfy, Alertmanager, Grafana, GitHub); null for the others.</summary>
    public string? Topic { get; set; }

    /// <summary>
    /// The API key (by name) that asked for it: an owner key's name, or <c>operator:{name}</c> for a key from
    /// <c>Api:Keys</c>; null for schedule fires and the owner pages. Never the key itself.
    /// </summary>
    public string? RequestedBy { get; set; }
}
