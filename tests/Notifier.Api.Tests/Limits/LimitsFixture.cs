using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Limits;

/// <summary>An Api host (dispatcher off, so messages stay queued) with small limits: 3 schedules and 3 waiting messages per account.</summary>
public sealed class LimitsFixture : MessagingFixture
{
    public const int MaxSchedules = 3;
    public const int MaxQueued = 3;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Schedules:MaxPerAccount"] = MaxSchedules.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Dispatch:MaxQueuedPerAccount"] = MaxQueued.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
