using System.Globalization;

namespace Notifier.Bench;

/// <summary>The run's sizes, from <c>--name value</c> arguments; the defaults are issue 6's.</summary>
internal sealed record BenchOptions
{
    public int Deliveries { get; init; } = 10_000;

    public int Accounts { get; init; } = 1_000;

    public int Parallelism { get; init; } = 32;

    public int BatchSize { get; init; } = 64;

    public int LatencyMs { get; init; } = 50;

    public int UpkeepAccounts { get; init; } = 10_000;

    public int UpkeepParallelism { get; init; } = 16;

    public int RestSeconds { get; init; } = 10;

    public int RestClients { get; init; } = 32;

    public int MemoryBurst { get; init; } = 2_000;

    public TimeSpan Latency => TimeSpan.FromMilliseconds(LatencyMs);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        if (args.FirstOrDefault() == "--quick")
        {
            // Every figure at a size that runs in about three minutes here.
            o = o with { Deliveries = 2_000, Accounts = 200, UpkeepAccounts = 500, RestSeconds = 5, MemoryBurst = 1_000 };
            args = args[1..];
        }

        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--deliveries" => o with { Deliveries = v },
                "--accounts" => o with { Accounts = v },
                "--parallelism" => o with { Parallelism = v },
                "--batch" => o with { BatchSize = v },
                "--latency-ms" => o with { LatencyMs = v },
                "--upkeep-accounts" => o with { UpkeepAccounts = v },
                "--upkeep-parallelism" => o with { UpkeepParallelism = v },
                "--rest-seconds" => o with { RestSeconds = v },
                "--rest-clients" => o with { RestClients = v },
                "--memory-burst" => o with { MemoryBurst = v },
                _ => throw new ArgumentException($"Unknown argument {args[i]}"),
            };
        }

        return o;
    }
}
