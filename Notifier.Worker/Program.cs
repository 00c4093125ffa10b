using Notifier.Worker;

if (args is [HealthProbe.Argument])
{
    // The same settings as the Worker (appsettings, environment), without its command line.
    var settings = WorkerHost.CreateBuilder([]).Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>();
    return HealthProbe.Run(settings ?? new WorkerOptions());
}

await WorkerHost.CreateBuilder(args).Build().RunAsync();
return 0;
