using Microsoft.Extensions.Hosting;
using Notifier.Testing.Hosting;

namespace Notifier.Core.Tests.Data;

/// <summary>A bare host with Notifier's core services, as the Api and the Worker each build it.</summary>
internal static class CoreHost
{
    public static IHost Build(string connectionString, bool migrateOnStart = true)
    {
        var builder = TestHost.CreateBuilder(TestHost.Settings(
            connectionString, kakao: null, new Dictionary<string, string?> { ["Database:MigrateOnStart"] = migrateOnStart ? "true" : "false" }));
        builder.AddNotifierCore();
        return builder.Build();
    }
}
