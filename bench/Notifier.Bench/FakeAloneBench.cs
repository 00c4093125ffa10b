using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>
/// Calibration for figure 1: the same N memo sends straight from an HttpClient at parallelism P, with no database and
/// no Notifier code: what the fake Kakao and this machine allow, next to the theoretical limit.
/// </summary>
internal static class FakeAloneBench
{
    /// <summary>What the calibration came to: its ratio to the limit, and the CPU per message of HttpClient + fake Kakao.</summary>
    public sealed record Calibration(double Ratio, double CpuMsPerMessage);

    public static async Task<Calibration> RunAsync(BenchWorld world, ResultTable table)
    {
        var o = world.Options;
        string token;
        using (var host = await world.StartHostAsync(dispatch: false))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var account = await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Accounts.AsNoTracking().OrderBy(a => a.Id).FirstAsync();
            token = scope.ServiceProvider.GetRequiredService<TokenVault>().ReadAccessToken(account);
            await host.StopAsync();
        }

        Console.WriteLine($"Calibration: {o.Deliveries} memo sends straight to the fake Kakao, HttpClient at P={o.Parallelism}...");
        using var http = new HttpClient { BaseAddress = new Uri(world.Kakao.Url) };
        var cpu = new CpuMeter();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, o.Deliveries), new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism }, async (_, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/api/talk/memo/default/send")
            {
                Content = new FormUrlEncodedContent([new("template_object", """{"object_type":"text","text":"bench","link":{"web_url":"https://notifier.example.com"}}""")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
        });
        var elapsed = clock.Elapsed;
        var (self, _) = cpu.Elapsed();
        var limit = TimeSpan.FromMilliseconds((double)o.Deliveries * o.LatencyMs / o.Parallelism);
        Console.WriteLine($"   CPU: bench process (HttpClient + fake Kakao) {N(self.TotalSeconds)} s = {N(self.TotalMilliseconds / o.Deliveries, "0.00")} ms/message");
        table.Add(new Figure($"1z. calibration: {o.Deliveries} sends HttpClient → fake, no Notifier", $"{N(elapsed.TotalSeconds)} s ({N(o.Deliveries / elapsed.TotalSeconds, "0")}/s)",
            $"{N(limit.TotalSeconds)} s", $"{N(elapsed / limit)}×", "(what the fake and this machine allow)", null));
        return new Calibration(elapsed / limit, self.TotalMilliseconds / o.Deliveries);
    }
}
