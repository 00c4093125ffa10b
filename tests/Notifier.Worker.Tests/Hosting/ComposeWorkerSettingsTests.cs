using Notifier.Core;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;
using Notifier.Core.Metrics;
using Notifier.Core.Schedules;
using Notifier.Testing.Compose;

namespace Notifier.Worker.Tests.Hosting;

public sealed class ComposeWorkerSettingsTests
{
    [Fact]
    public void EveryVariableTheWorkerIsGiven_IsASettingItReads()
    {
        var settings = new SettingsCatalog()
            .Add(DatabaseOptions.SectionName, typeof(DatabaseOptions))
            .Add(KakaoOptions.SectionName, typeof(KakaoOptions))
            .Add(Notifier.Core.Accounts.TokenOptions.SectionName, typeof(Notifier.Core.Accounts.TokenOptions))
            .Add(NotifierOptions.SectionName, typeof(NotifierOptions))
            .Add(DispatchOptions.SectionName, typeof(DispatchOptions))
            .Add(ScheduleOptions.SectionName, typeof(ScheduleOptions))
            .Add(WorkerOptions.SectionName, typeof(WorkerOptions))
            .Add(MetricsOptions.SectionName, typeof(MetricsOptions))
            .Add(Notifier.Core.Security.KeyRingOptions.SectionName, typeof(Notifier.Core.Security.KeyRingOptions))
            .Add($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}");

        var environment = ComposeFile.Load().Environment("worker");

        Assert.NotEmpty(environment);
        Assert.DoesNotContain(environment.Keys.Select(ComposeFile.ConfigurationKey), k => !settings.Reads(k));
    }
}
