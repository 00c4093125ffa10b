namespace Notifier.Api.Tests.Schedules;

/// <summary>Jobs and dispatcher on, the materializer polling every second.</summary>
public class FiringSchedulesFixture : SchedulesFixture
{
    protected override IReadOnlyDictionary<string, string?>? SettingOverrides() => new Dictionary<string, string?>
    {
        ["Schedules:JobsEnabled"] = "true",
        ["Schedules:PollSeconds"] = "1",
        ["Dispatch:Enabled"] = "true",
        ["Dispatch:PollIntervalMilliseconds"] = "100",
        ["Dispatch:DailyCap"] = "1000",
        ["Schedules:MinimumIntervalSeconds"] = "1", // fires every 2 s keep these tests short
    };
}

/// <summary>The same fixture on the SQLite default.</summary>
public sealed class FiringSchedulesFixtureOnSqlite : FiringSchedulesFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}
