using System.ComponentModel.DataAnnotations;
using Notifier.Core.Schedules;
using Quartz;

namespace Notifier.Core.Accounts;

/// <summary>How Notifier keeps each account's Kakao tokens alive (section <c>Tokens</c>).</summary>
public sealed class TokenOptions : IValidatableObject
{
    public const string SectionName = "Tokens";

    /// <summary>An access token closer than this to its expiry is refreshed before a send.</summary>
    [Range(0, 120)]
    public int RefreshAheadMinutes { get; set; } = 5;

    /// <summary>When the daily token upkeep runs (Quartz cron, in <see cref="UpkeepTimeZone"/>).</summary>
    public string UpkeepCron { get; set; } = "0 0 4 * * ?";

    /// <summary>The IANA zone <see cref="UpkeepCron"/> is read in.</summary>
    public string UpkeepTimeZone { get; set; } = CronSchedule.DefaultTimeZone;

    /// <summary>The upkeep refreshes every active account whose refresh token has less than this left (Kakao renews it in its last month).</summary>
    [Range(31, 59)]
    public int UpkeepRefreshBelowDays { get; set; } = 35;

    /// <summary>How many accounts the upkeep refreshes at once (on MariaDB; SQLite uses one).</summary>
    [Range(1, 64)]
    public int UpkeepParallelism { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsQuartzCron(UpkeepCron))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(UpkeepCron)} is not a Quartz cron expression.", [nameof(UpkeepCron)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(UpkeepTimeZone, out _))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(UpkeepTimeZone)} is not a time zone this machine knows (an IANA name such as Asia/Seoul).", [nameof(UpkeepTimeZone)]);
        }
    }

    private static bool IsQuartzCron(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
