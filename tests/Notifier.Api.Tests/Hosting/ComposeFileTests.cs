using Notifier.Api.ApiKeys;
using Notifier.Core;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Kakao;
using Notifier.Core.Metrics;
using Notifier.Core.Schedules;
using Notifier.Testing.Compose;

namespace Notifier.Api.Tests.Hosting;

/// <summary>What can be checked of docker-compose.yml without a Docker engine.</summary>
public sealed class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    /// <summary>Every setting the Api and the Worker share; each host adds its own section.</summary>
    public static SettingsCatalog CoreSettings() => new SettingsCatalog()
        .Add(DatabaseOptions.SectionName, typeof(DatabaseOptions))
        .Add(KakaoOptions.SectionName, typeof(KakaoOptions))
        .Add(Notifier.Core.Accounts.TokenOptions.SectionName, typeof(Notifier.Core.Accounts.TokenOptions))
        .Add(NotifierOptions.SectionName, typeof(NotifierOptions))
        .Add(DispatchOptions.SectionName, typeof(DispatchOptions))
        .Add(ScheduleOptions.SectionName, typeof(ScheduleOptions))
        .Add(MetricsOptions.SectionName, typeof(MetricsOptions))
        .Add($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}");

    [Fact]
    public void Services_WaitForAHealthyDatabase_AndTheWorkerForTheMigratingApi()
    {
        Assert.Equal(["api", "mariadb", "worker"], Compose.Services.Order());
        Assert.Equal("service_healthy", Compose.DependsOn("api")["mariadb"]);
        Assert.Equal("service_healthy", Compose.DependsOn("worker")["mariadb"]);
        // The Api owns the migrations and is healthy only after applying them; the Worker waits for that.
        Assert.Equal("service_healthy", Compose.DependsOn("worker")["api"]);
        Assert.Equal("true", Compose.Environment("api")["Database__MigrateOnStart"]);
        Assert.Equal("false", Compose.Environment("worker")["Database__MigrateOnStart"]);
    }

    [Fact]
    public void EveryService_HasAHealthcheck_AndTheDatabaseANamedVolume()
    {
        Assert.Equal(["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"], Compose.HealthcheckTest("mariadb"));
        Assert.Equal(["CMD", "dotnet", "Notifier.Api.dll", "--health-probe"], Compose.HealthcheckTest("api"));
        Assert.Equal(["CMD", "dotnet", "Notifier.Worker.dll", "--health-probe"], Compose.HealthcheckTest("worker"));
        Assert.Contains("mariadb-data", Compose.Volumes);
        Assert.Contains("mariadb-data:/var/lib/mysql", Compose.Service("mariadb").Children[new YamlDotNet.RepresentationModel.YamlScalarNode("volumes")].ToString(), StringComparison.Ordinal);
        Assert.False(Compose.Service("worker").Children.ContainsKey(new YamlDotNet.RepresentationModel.YamlScalarNode("ports")), "the Worker publishes no port, so it scales to any number");
    }

    [Fact]
    public void EveryWorker_GetsEverySharedSettingTheApiGets_WithTheSameValue()
    {
        var api = Compose.Environment("api");
        var worker = Compose.Environment("worker");
        var apiOnly = new[] { "Api__Keys__compose", "Database__MigrateOnStart", "Proxy__KnownNetworks__0" };

        Assert.All(api.Where(s => !apiOnly.Contains(s.Key)), s => Assert.Equal(s.Value, worker.GetValueOrDefault(s.Key)));
        Assert.Equal("127.0.0.1:${NOTIFIER_PORT:-5080}:8080", Assert.Single(Compose.Ports("api")));
    }

    [Fact]
    public void EveryVariableTheApiIsGiven_IsASettingItReads()
    {
        var settings = CoreSettings().Add(ApiOptions.SectionName, typeof(ApiOptions)).Add(Notifier.Api.Hosting.ProxyOptions.SectionName, typeof(Notifier.Api.Hosting.ProxyOptions));
        var unknown = Compose.Environment("api").Keys.Select(ComposeFile.ConfigurationKey).Where(k => !settings.Reads(k)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void NoSecretIsWrittenInTheFile_EveryOneComesFromDotEnv_AndDotEnvExampleListsThem()
    {
        var secretNames = new[] { "PASSWORD", "Secret", "Key", "Pwd" };
        foreach (var service in Compose.Services)
        {
            foreach (var (name, value) in Compose.Environment(service))
            {
                var secretValued = secretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)) && !name.Contains("RANDOM", StringComparison.Ordinal);
                if (secretValued)
                {
                    Assert.Matches(@"^\$\{[A-Z0-9_]+(:[-?][^}]*)?\}$", value);
                }

                if (value.Contains("Pwd=", StringComparison.Ordinal))
                {
                    Assert.Contains("Pwd=${", value, StringComparison.Ordinal);
                }
            }
        }

        var example = File.ReadAllLines(Path.Combine(ComposeFile.RepositoryRoot, ".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet();
        Assert.Empty(Compose.VariableNames().Except(example));
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(ComposeFile.RepositoryRoot, ".gitignore")));
    }

    [Fact]
    public void TheImages_AreBuiltFromTheRepository_RunAsNonRoot_WithTimeZones()
    {
        var dockerfile = File.ReadAllText(Path.Combine(ComposeFile.RepositoryRoot, "Dockerfile"));
        Assert.Contains("USER app", dockerfile, StringComparison.Ordinal);
        Assert.Contains("tzdata", dockerfile, StringComparison.Ordinal);
        Assert.Contains("AS build", dockerfile, StringComparison.OrdinalIgnoreCase);
        foreach (var (service, project) in new[] { ("api", "Notifier.Api"), ("worker", "Notifier.Worker") })
        {
            var build = Compose.Service(service).Children[new YamlDotNet.RepresentationModel.YamlScalarNode("build")].ToString();
            Assert.Contains(project, build, StringComparison.Ordinal);
        }
    }
}
