using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Api.Tests.Support;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;

namespace Notifier.Api.Tests.Messages;

public class GroupCommitFixture : MessagingFixture;

/// <summary>The same fixture on the SQLite default.</summary>
public sealed class GroupCommitFixtureOnSqlite : GroupCommitFixture
{
    protected override Notifier.Testing.Database.ITestDatabase CreateDatabase() => OnSqlite();
}

/// <summary><c>POST /api/messages</c> through the group committer (docs/decisions/0016), over HTTP, on each database.</summary>
public abstract class GroupCommitApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : GroupCommitFixture
{
    private static readonly string[] Texts = ["fine 1", "boom", "fine 2", "fine 3"];

    [Fact]
    public async Task ConcurrentPosts_AreAllAccepted_EachStoredWithItsOwnText()
    {
        long[] accounts = [await fixture.ConnectAccountAsync(8901), await fixture.ConnectAccountAsync(8902)];
        var clients = Enumerable.Range(0, 16).Select(_ => new ApiClient(fixture)).ToList();
        try
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 96).Select(i =>
                clients[i % clients.Count].PostMessageAsync(new { accountId = accounts[i % 2], text = $"at once {i}" })));

            var ids = answers.Select(MessageRequests.AssertAccepted).ToList();
            Assert.Equal(96, ids.Distinct().Count());
            Assert.Equal(48, await fixture.DeliveryCountAsync(accounts[0]));
            Assert.Equal(48, await fixture.DeliveryCountAsync(accounts[1]));
            for (var i = 0; i < ids.Count; i += 7)
            {
                var stored = await fixture.Database.ScalarAsync("SELECT TemplateJson FROM deliveries WHERE Id = @id AND AccountId = @account", ("@id", ids[i]), ("@account", accounts[i % 2]));
                Assert.Contains($"at once {i}\"", Assert.IsType<string>(stored), StringComparison.Ordinal);
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task PostWhoseRowCannotBeStored_Is500WithAProblem_StoresNothing_TheOthersAre202()
    {
        var accountId = await fixture.ConnectAccountAsync(8903);
        await using var failing = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IIntakeGroupHook, FailsOnBoom>()));
        using var http = failing.CreateClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + NotifierApiFactory.ApiKey);

        var answers = await Task.WhenAll(Texts.Select(async text =>
        {
            using var response = await http.PostAsJsonAsync("/api/messages", new { accountId, text });
            return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response.Headers.Location);
        }));

        answers[1].AssertProblemDetail(HttpStatusCode.InternalServerError, "Send it again");
        Assert.All(answers.Where((_, i) => i != 1), a => MessageRequests.AssertAccepted(a));
        Assert.Equal(3, await fixture.DeliveryCountAsync(accountId));
    }

    private sealed class FailsOnBoom : IIntakeGroupHook
    {
        public Task BeforeInsertAsync(IReadOnlyList<IntakeRow> rows, NotifierDbContext db, CancellationToken cancellationToken) =>
            rows.Any(r => r.TemplateJson.Contains("boom", StringComparison.Ordinal))
                ? throw new InvalidOperationException("Injected failure of an intake group.")
                : Task.CompletedTask;
    }
}

public sealed class GroupCommitApiTestsOnMariaDb(GroupCommitFixture fixture) : GroupCommitApiTests<GroupCommitFixture>(fixture);

public sealed class GroupCommitApiTestsOnSqlite(GroupCommitFixtureOnSqlite fixture) : GroupCommitApiTests<GroupCommitFixtureOnSqlite>(fixture);
