namespace Notifier.Core.Schedules;

/// <summary>"Send this message on this cron, in this zone": each fire becomes exactly one delivery.</summary>
public sealed class Schedule
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The Quartz cron expression (seconds first), normalized from what the owner gave.</summary>
    public string Cron { get; set; } = "";

    /// <summary>An IANA time zone id, <c>Asia/Seoul</c> unless the owner chose another.</summary>
    public string TimeZone { get; set; } = CronSchedule.DefaultTimeZone;

    /// <summary>The message as the owner gave it (text, card or template), shown back by the API and the pages.</summary>
    public string MessageJson { get; set; } = "";

    /// <summary>The Kakao template rendered from <see cref="MessageJson"/>, sent as <c>template_object</c>.</summary>
    public string TemplateJson { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>The next fire not yet turned into a delivery; null when disabled or the cron has no more fires.</summary>
    public DateTime? NextFireTime { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
