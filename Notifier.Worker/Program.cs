using Notifier.Worker;

if (args is [HealthProbe.Argument])
{
    return HealthProbe.Run();
}

await WorkerHost.CreateBuilder(args).Build().RunAsync();
return 0;
