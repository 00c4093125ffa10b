using Notifier.Core.Deliveries;

namespace Notifier.Core.Tests.Deliveries;

public sealed class RetryBackoffTests
{
    private static readonly DispatchOptions Options = new() { RetryBaseSeconds = 5, RetryMaxSeconds = 900 };

    [Theory]
    [InlineData(1, 0.0, 2.5)]
    [InlineData(1, 1.0, 5)]
    [InlineData(2, 1.0, 10)]
    [InlineData(4, 0.5, 30)]
    [InlineData(12, 1.0, 900)]
    [InlineData(40, 0.0, 450)]
    public void Delay_DoublesPerAttempt_UpToTheCap_WithinTheJitterBand(int attempt, double jitter, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(attempt, Options, jitter));

    [Fact]
    public void TheProductJitter_StaysInItsBand()
    {
        var jitter = new RetryJitter();

        Assert.All(Enumerable.Range(0, 1000).Select(_ => jitter.Sample()), j => Assert.InRange(j, 0, 1));
    }
}
