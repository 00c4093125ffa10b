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

/// <summary>The same fixture on the SQLite default.</summary>
public sealed class DispatchingSchedulesFixtureOnSqlite : DispatchingSchedulesFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}
