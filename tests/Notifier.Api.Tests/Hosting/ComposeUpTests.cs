using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Notifier.Testing;
using Notifier.Testing.Compose;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;
using Xunit.Abstractions;

namespace Notifier.Api.Tests.Hosting;

/// <summary>
/// <c>docker compose up -d --scale worker=2</c>, run as processes (there is no Docker engine here): the published
/// Api and two published Workers with exactly compose's environment, healthy by their own healthchecks, and a
/// message posted through the Api's published port delivered once by a Worker.
/// </summary>
[RunsLong]
public sealed class ComposeUpTests(ITestOutputHelper output)
{
    private static readonly string Repository = ComposeFile.RepositoryRoot;
    private static readonly string[] DockerComposePaths = ["/usr/bin/docker-compose", "/usr/local/bin/docker-compose"];

    [Fact]
    public async Task ComposeUp_ApiAndTwoWorkersGetHealthy_AndAMessagePostedToThePublishedPortArrivesOnce()
    {
        using var kakao = new KakaoFake();
        if (Environment.GetEnvironmentVariable("NOTIFIER_TEST_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            File.Delete(Path.Combine(artifacts, "compose-up.txt"));
        }

        var apiPort = FreePort.Next();
        var dotEnv = FilledDotEnv(apiPort);
        await using var compose = new ComposeAsProcesses(dotEnv, kakao.Url);

        await compose.StartDatabaseAsync();
        var api = await compose.StartAsync("api", "api-1");
        var apiHealthy = await compose.WaitHealthyAsync("api", api);
        var workers = new[] { await compose.StartAsync("worker", "worker-1"), await compose.StartAsync("worker", "worker-2") };
        var workersHealthy = new List<TimeSpan>();
        foreach (var worker in workers)
        {
            workersHealthy.Add(await compose.WaitHealthyAsync("worker", worker));
        }

        Report(["container network, as the test maps it:", .. compose.Mappings.Select(m => "  " + m),
            $"api healthy after {apiHealthy.TotalSeconds:0.0} s; workers after {string.Join(", ", workersHealthy.Select(t => $"{t.TotalSeconds:0.0} s"))}"]);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{apiPort}"),
        };
        using var login = await browser.GetAsync(new Uri("/auth/kakao/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var callback = kakao.Authorize(login.Headers.Location!, 4242, "Compose");
        Assert.Equal(dotEnv["KAKAO_REDIRECT_URI"], callback.GetLeftPart(UriPartial.Path));
        using var connected = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
        Assert.Equal("/?connected=1", connected.Headers.Location!.OriginalString);

        using var program = new HttpClient { BaseAddress = browser.BaseAddress };
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", dotEnv["NOTIFIER_API_KEY"]);
        var sentAt = Stopwatch.StartNew();
        using var accepted = await program.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { text = "deploy finished (compose)" });
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, $"{accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var delivered = await Eventually.MatchAsync(
            async () => (await program.GetFromJsonAsync<JsonElement>(new Uri($"/api/messages/{id}", UriKind.Relative))).GetProperty("status").GetString(),
            status => status is "sent" or "failed" or "unknown",
            "a Worker to deliver the message",
            TimeSpan.FromSeconds(60));
        Report([$"message {id} {delivered} {sentAt.Elapsed.TotalSeconds:0.0} s after the POST"]);
        Assert.Equal("sent", delivered);
        var memo = Assert.Single(kakao.Memos);
        Assert.Equal(4242, memo.UserId);
        Assert.Contains("deploy finished (compose)", memo.Template.ToJsonString(), StringComparison.Ordinal);

        // Both Workers joined one Quartz cluster on the shared database.
        var nodes = await Eventually.MatchAsync(
            () => CountAsync(api.Environment["ConnectionStrings__Notifier"], "SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE"),
            n => n == 2,
            "both Workers to check in with the Quartz cluster");
        Assert.Equal(2, nodes);

        // docker compose down: SIGTERM, each within its stop grace period.
        foreach (var worker in workers)
        {
            Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(40)));
        }

        Assert.Equal(0, await api.TerminateAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(kakao.Memos);
    }

    [Fact]
    public async Task DotEnvExample_AsShipped_StartsNoDeployment_TheApiRefusesItsPlaceholders()
    {
        using var kakao = new KakaoFake();
        var shipped = ComposeVariables.ReadDotEnv(Path.Combine(Repository, ".env.example"));
        shipped["NOTIFIER_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var compose = new ComposeAsProcesses(shipped, kakao.Url);
        await compose.StartDatabaseAsync();
        var api = await compose.StartAsync("api", "api-1");

        var exit = await api.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exit);
        Assert.Contains("ConnectionStrings:Notifier", api.Output, StringComparison.Ordinal);
        Assert.Contains("DataProtection:KeyEncryptionKey", api.Output, StringComparison.Ordinal);
        Assert.Contains("placeholder", api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerCompose_ValidatesTheFile_WithAFilledDotEnv()
    {
        var directory = Directory.CreateTempSubdirectory("notifier-compose-").FullName;
        var envFile = Path.Combine(directory, ".env");
        File.WriteAllLines(envFile, FilledDotEnv(5080).Select(p => $"{p.Key}={p.Value}"));
        var dockerCompose = DockerComposePaths.FirstOrDefault(File.Exists);
        Assert.True(dockerCompose is not null, "Debian's docker-compose is not installed (scripts/test.sh installs it)");

        var start = new ProcessStartInfo(dockerCompose!, ["-f", Path.Combine(Repository, "docker-compose.yml"), "--env-file", envFile, "config", "-q"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, $"docker-compose config -q failed: {errors}");
    }

    [Fact]
    public void EveryVariableOfDotEnvExample_IsUsedByCompose_AndTheTestFillsEachOne()
    {
        var shipped = ComposeVariables.ReadDotEnv(Path.Combine(Repository, ".env.example"));

        Assert.Equal(shipped.Keys.Order(), ComposeFile.Load().VariableNames().Order());
        Assert.Equal(shipped.Keys.Order(), FilledDotEnv(5080).Keys.Order());
    }

    /// <summary>The <c>.env</c> a person writes from <c>.env.example</c>, with the test's Kakao app and ports.</summary>
    private static Dictionary<string, string> FilledDotEnv(int apiPort) => new()
    {
        ["MARIADB_PASSWORD"] = Secret(),
        ["KAKAO_REST_API_KEY"] = KakaoFake.RestApiKey,
        ["KAKAO_CLIENT_SECRET"] = KakaoFake.ClientSecret,
        ["KAKAO_REDIRECT_URI"] = $"http://127.0.0.1:{apiPort}/auth/kakao/callback",
        ["KAKAO_ADMIN_KEY"] = Secret(),
        ["KAKAO_APP_ID"] = "1234567",
        ["NOTIFIER_LINK_DOMAIN"] = "127.0.0.1",
        ["NOTIFIER_PUBLIC_URL"] = $"http://127.0.0.1:{apiPort}",
        ["NOTIFIER_API_KEY"] = Secret(),
        ["NOTIFIER_KEY_ENCRYPTION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["NOTIFIER_PROXY_NETWORKS"] = "",
        ["NOTIFIER_PORT"] = apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>To the test output, and to <c>compose-up.txt</c> beside the browser screenshots so a passing run shows it too.</summary>
    private void Report(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            output.WriteLine(line);
            if (Environment.GetEnvironmentVariable("NOTIFIER_TEST_ARTIFACTS") is { Length: > 0 } artifacts)
            {
                File.AppendAllLines(Path.Combine(artifacts, "compose-up.txt"), [line]);
            }
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql) =>
        Convert.ToInt64(await TestMariaDb.ScalarAsync(connectionString, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
