using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Notifier.Core.Deliveries;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Support;

/// <summary>One Notifier process (Api or Worker) with its own dispatcher name, on a shared database (either provider) and fake Kakao.</summary>
internal sealed class DispatchNode : IAsyncDisposable
{
    private DispatchNode(IHost host, string nodeId, MemoSendCounter memoSends)
    {
        Host = host;
        NodeId = nodeId;
        MemoSends = memoSends;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public string NodeId { get; }

    /// <summary>The memo sends this node made (whatever Kakao answered).</summary>
    public MemoSendCounter MemoSends { get; }

    /// <summary>
    /// Builds the host and starts it. <paramref name="settings"/> override the defaults (<c>Dispatch:*</c>, <c>Kakao:*</c>).
    /// With <paramref name="runDispatcher"/> it has the hosted dispatcher loop, as the Worker does, and is left for the
    /// test to start; otherwise tests call rounds themselves.
    /// </summary>
    public static async Task<DispatchNode> StartAsync(
        ITestDatabase database, KakaoFake kakao, TimeProvider clock, string nodeId,
        IReadOnlyDictionary<string, string?>? settings = null, bool migrate = true, bool runDispatcher = false)
    {
        var node = new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = migrate ? "true" : "false",
            ["Dispatch:NodeId"] = nodeId,
        };
        var builder = TestHost.CreateBuilder(TestHost.Settings(database.Settings, kakao, node, settings), clock);
        var memoSends = new MemoSendCounter();
        builder.Services.ConfigureAll<HttpClientFactoryOptions>(o =>
            o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(memoSends.CreateHandler())));
        builder.AddNotifierCore();
        builder.AddNotifierDispatcher(enabledByDefault: runDispatcher);
        var host = builder.Build();
        if (!runDispatcher)
        {
            await host.StartAsync();
        }

        return new DispatchNode(host, nodeId, memoSends);
    }

    /// <summary>One dispatcher round, as the hosted loop runs it: claim, send, record. Returns how many it handled.</summary>
    public Task<int> RoundAsync() => Services.GetRequiredService<DeliveryDispatcher>().DispatchOnceAsync(CancellationToken.None);

    /// <summary>Only the claim of a round: the rows are leased to this node and nothing is sent.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryClaimer>().ClaimAsync(CancellationToken.None);
    }

    /// <summary>Only the last step of a round: records what a send of a claimed delivery came to.</summary>
    public async Task RecordAsync(ClaimedDelivery delivery, SendOutcome outcome)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryOutcomeWriter>().RecordAsync(delivery, outcome, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
