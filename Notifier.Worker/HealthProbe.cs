namespace Notifier.Worker;

/// <summary><c>dotnet Notifier.Worker.dll --health-probe</c>: exits 0 while the health file is fresh (the container healthcheck).</summary>
internal static class HealthProbe
{
    public const string Argument = "--health-probe";

    public static int Run()
    {
        // Only the settings that locate the file, read as the Worker reads them (appsettings, then the environment),
        // without building the Worker itself.
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        var file = new FileInfo(options.HealthFile);
        var maxAge = TimeSpan.FromSeconds(options.HealthIntervalSeconds * 3);
        return file.Exists && DateTime.UtcNow - file.LastWriteTimeUtc < maxAge ? 0 : 1;
    }
}
