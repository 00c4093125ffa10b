using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Worker.Tests.Faults;

/// <summary>A burst of text memos, each with a unique marker, put in the outbox through the real intake.</summary>
public static class Burst
{
    /// <summary>The setting a host enqueueing a burst needs: a burst is deeper than the default per-account queue cap.</summary>
    public static readonly IReadOnlyDictionary<string, string?> UncappedQueue = new Dictionary<string, string?> { ["Dispatch:MaxQueuedPerAccount"] = "100000" };

    public static async Task<IReadOnlyList<string>> EnqueueAsync(IHost host, long accountId, int count, string prefix)
    {
        var markers = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        await Parallel.ForEachAsync(markers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (marker, _) =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var template = $$$"""{"object_type":"text","text":"{{{marker}}}","link":{"web_url":"https://notifier.example.com"}}""";
            var result = await scope.ServiceProvider.GetRequiredService<DeliveryIntake>()
                .EnqueueAsync(accountId, template, idempotencyKey: null, requestHash: marker, CancellationToken.None);
            Assert.IsType<IntakeResult.Accepted>(result);
        });
        return markers;
    }

    /// <summary>Each marker's delivery status, read from the database.</summary>
    public static async Task<Dictionary<string, DeliveryStatus>> StatusesAsync(IHost host, long accountId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.AccountId == accountId).Select(d => new { d.TemplateJson, d.Status }).ToListAsync();
        return rows.ToDictionary(r => System.Text.Json.JsonDocument.Parse(r.TemplateJson).RootElement.GetProperty("text").GetString()!, r => r.Status);
    }
}
