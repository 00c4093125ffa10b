using System.Diagnostics;
using Notifier.Testing.Compose;

namespace Notifier.Testing.Hosting;

/// <summary>
/// The published build of a host (<c>dotnet publish</c> output, as the Dockerfile copies it to <c>/app</c>):
/// <c>scripts/test.sh</c> publishes both hosts once into <c>$NOTIFIER_PUBLISHED</c>; a test run on its own publishes
/// into <c>artifacts/publish/</c> the first time it needs one, and again when the Release build is newer.
/// </summary>
public static class PublishedBuild
{
    public const string EnvironmentVariable = "NOTIFIER_PUBLISHED";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The folder holding <c>{project}.dll</c> and everything published with it.</summary>
    public static async Task<string> DirectoryAsync(string project)
    {
        var root = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given
            ? given
            : Path.Combine(ComposeFile.RepositoryRoot, "artifacts", "publish");
        var directory = Path.Combine(root, project);
        await Gate.WaitAsync();
        try
        {
            if (IsMissingOrStale(project, directory))
            {
                await PublishAsync(project, directory);
            }
        }
        finally
        {
            Gate.Release();
        }

        return directory;
    }

    /// <summary>No published build yet, or the project was built again after it was published.</summary>
    private static bool IsMissingOrStale(string project, string directory)
    {
        var published = new FileInfo(Path.Combine(directory, project + ".dll"));
        var built = new FileInfo(Path.Combine(ComposeFile.RepositoryRoot, project, "bin", "Release", "net10.0", project + ".dll"));
        return !published.Exists || (built.Exists && built.LastWriteTimeUtc > published.LastWriteTimeUtc);
    }

    private static async Task PublishAsync(string project, string directory)
    {
        var csproj = Path.Combine(ComposeFile.RepositoryRoot, project, project + ".csproj");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["publish", csproj, "-c", "Release", "-nologo", "-v", "quiet", "-o", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed: {await output}{await errors}");
        }
    }
}
