using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Notifier.Core.Tests.Data;

/// <summary>A bare host with Notifier's core services, as the Api and the Worker each build it.</summary>
internal static class CoreHost
{
    public static IHost Build(string connectionString, bool migrateOnStart = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MariaDb",
            ["Database:MigrateOnStart"] = migrateOnStart ? "true" : "false",
            ["ConnectionStrings:Notifier"] = connectionString,
            ["Kakao:RestApiKey"] = "key",
        });
        builder.AddNotifierCore();
        return builder.Build();
    }
}
