using System.Diagnostics;
using Notifier.Testing.Compose;

namespace Notifier.Testing.Hosting;

/// <summary>
/// The published build of a host (<c>dotnet publish</c> output, as the Dockerfile copies it to <c>/app</c>):
/// <c>scripts/test.sh</c> publishes both hosts once into <c>$NOTIFIER_PUBLISHED</c>; a test run on its own publishes
/// into <c>artifacts/publish/</c> the first time it needs one.
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
            if (!File.Exists(Path.Combine(directory, project + ".dll")))
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
