namespace Notifier.Api.Tests.Schedules;

/// <summary>The same, with this Api host also dispatching deliveries to the fake Kakao.</summary>
public class DispatchingSchedulesFixture : SchedulesFixture
{
    protected override IReadOnlyDictionary<string, string?>? SettingOverrides() => new Dictionary<string, string?>
    {
        ["Dispatch:Enabled"] = "true",
        ["Dispatch:PollIntervalMilliseconds"] = "100",
    };
}
