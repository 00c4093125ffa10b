using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using static Notifier.Bench.ResultTable;

namespace Notifier.Bench;

/// <summary>Figure 4: one token upkeep pass over K accounts whose refresh token has under 35 days left.</summary>
internal static class UpkeepBench
{
    public static async Task RunAsync(BenchWorld world, ResultTable table)
    {
        var o = world.Options;
        await Seeding.EnsureAccountsAsync(world, o.UpkeepAccounts);
        // 20 days left in the database; the fake's token has 60, so it does not rotate and every copy stays valid.
        await world.ScalarAsync($"UPDATE accounts SET RefreshTokenExpiresAt = UTC_TIMESTAMP(6) + INTERVAL 20 DAY, LastUpkeepAt = NULL ORDER BY Id LIMIT {o.UpkeepAccounts}");
        world.Kakao.DelayTokenEndpoint([.. Enumerable.Repeat(o.Latency, o.UpkeepAccounts + 100)]);
        var refreshesBefore = world.Kakao.RefreshCount;

        Console.WriteLine($"Token upkeep: {o.UpkeepAccounts} accounts, Tokens:UpkeepParallelism {o.UpkeepParallelism}...");
        using var host = await world.StartHostAsync(dispatch: false);
        var before = await DbCounters.ReadAsync(world.ConnectionString);
        var clock = Stopwatch.StartNew();
        var report = await host.Services.GetRequiredService<TokenUpkeep>().RunAsync(CancellationToken.None);
        var elapsed = clock.Elapsed;
        var statements = (await DbCounters.ReadAsync(world.ConnectionString)).Since(before).GetValueOrDefault("Questions") - 1;
        await host.StopAsync();

        var limit = TimeSpan.FromMilliseconds((double)o.UpkeepAccounts * o.LatencyMs / o.UpkeepParallelism);
        Console.WriteLine($"   refreshed {report.Refreshed}, reauthorization {report.NeedReauthorization}, failed {report.Failed}; " +
                          $"token requests {world.Kakao.RefreshCount - refreshesBefore}; {N((double)statements / o.UpkeepAccounts)} statements per account");
        table.Add(new Figure($"4. token upkeep, {o.UpkeepAccounts} accounts (parallelism {o.UpkeepParallelism})",
            $"{N(elapsed.TotalSeconds)} s ({report.Refreshed} refreshed, {N((double)statements / o.UpkeepAccounts, "0.#")} statements/account)",
            $"{N(limit.TotalSeconds)} s (K×{o.LatencyMs} ms/parallelism)", $"{N(elapsed / limit)}×", "as close to 1× as the machine allows", null));
    }
}
