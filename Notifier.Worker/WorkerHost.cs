using Microsoft.Extensions.Options;
using Notifier.Core;
using Notifier.Core.Jobs;

namespace Notifier.Worker;

/// <summary>The Worker's composition, shared by <c>Program</c> and the tests that run Workers in-process.</summary>
public static class WorkerHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddNotifierCore();
        builder.AddNotifierDispatcher(enabledByDefault: true);
        builder.AddNotifierJobs(enabledByDefault: true);
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<HealthFileWriter>();
        builder.AddWorkerMetrics();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>(
            (host, worker) => host.ShutdownTimeout = TimeSpan.FromSeconds(worker.Value.ShutdownTimeoutSeconds));
        return builder;
    }
}
