namespace Notifier.Worker;

/// <summary><c>dotnet Notifier.Worker.dll --health-probe</c>: exits 0 while the health file is fresh (the container healthcheck).</summary>
internal static class HealthProbe
{
    public const string Argument = "--health-probe";

    public static int Run(WorkerOptions options)
    {
        var file = new FileInfo(options.HealthFile);
        var maxAge = TimeSpan.FromSeconds(options.HealthIntervalSeconds * 3);
        return file.Exists && DateTime.UtcNow - file.LastWriteTimeUtc < maxAge ? 0 : 1;
    }
}
