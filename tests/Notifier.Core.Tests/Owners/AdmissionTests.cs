using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Accounts;
using Notifier.Core.Owners;
using Notifier.Core.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Kakao;

namespace Notifier.Core.Tests.Owners;

/// <summary>
/// Who may connect, decided in the database: the first owner (a unique index), a listed id, an invite used once (one
/// conditional UPDATE), and everyone else refused with nothing stored and their fresh Kakao token unlinked.
/// </summary>
[RunsLong]
public abstract class AdmissionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : class, ITestDatabase
{
    private static readonly Dictionary<string, string?> FirstOwnerMode = new() { ["Notifier:Owners"] = "" };

    [Fact]
    public async Task FirstConnect_OwnsTheNotifier_AStrangerIsRefusedWithNothingStored_AndTheOwnerMayReconnect()
    {
        await using var world = await DispatchWorld.CreateAsync(database, FirstOwnerMode);

        var owner = await world.ConnectAsync(7001);
        var refused = await Assert.ThrowsAsync<NotAdmittedException>(() => world.ConnectAsync(7002));
        var again = await world.ConnectAsync(7001);

        Assert.Equal(NotAdmittedReason.Stranger, refused.Reason);
        Assert.True(refused.TokenRevoked);
        Assert.Equal(1, world.Kakao.UnlinkRequests);
        Assert.Equal(owner, again);
        Assert.True((await world.AccountAsync(owner)).IsFirstOwner);
        Assert.Equal([7001L], await world.QueryAsync(db => db.Accounts.Select(a => a.KakaoUserId).ToListAsync()));
    }

    [Fact]
    public async Task ConcurrentFirstConnects_MakeExactlyOneOwner_TheOthersAreStrangers()
    {
        await using var world = await DispatchWorld.CreateAsync(database, FirstOwnerMode);
        var second = await world.AddNodeAsync("node-b", FirstOwnerMode);

        // Two nodes (two service providers, two connection pools) connecting six people at once.
        var attempts = Enumerable.Range(0, 6)
            .Select(i => Outcome(KakaoAccounts.ConnectAsync(i % 2 == 0 ? world.Node.Services : second.Services, world.Kakao, 7100 + i)))
            .ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o == "owner");
        Assert.Equal(5, outcomes.Count(o => o == nameof(NotAdmittedReason.Stranger)));
        Assert.Equal(1, await world.QueryAsync(db => db.Accounts.CountAsync()));
        Assert.Equal(1, await world.QueryAsync(db => db.Accounts.CountAsync(a => a.IsFirstOwner == true)));
        Assert.Equal(5, world.Kakao.UnlinkRequests);
    }

    [Fact]
    public async Task AnInvite_AdmitsOnePerson_AndOfTwoRacingForItExactlyOneWins()
    {
        await using var world = await DispatchWorld.CreateAsync(database, FirstOwnerMode);
        var owner = await world.ConnectAsync(7201);
        var (invite, token) = await InviteAsync(world, owner);

        var outcomes = await Task.WhenAll(
            Outcome(ConnectInvitedAsync(world, 7202, invite.Id)),
            Outcome(ConnectInvitedAsync(world, 7203, invite.Id)));

        Assert.Single(outcomes, o => o == "owner");
        Assert.Single(outcomes, o => o == nameof(NotAdmittedReason.InviteNoLongerValid));
        var used = await world.QueryAsync(db => db.Invites.AsNoTracking().SingleAsync(i => i.Id == invite.Id));
        Assert.NotNull(used.UsedAt);
        var winner = used.UsedByKakaoUserId!.Value;
        Assert.True(winner is 7202 or 7203, $"the winner {winner} is one of the two racers");
        Assert.Equal(new[] { 7201L, winner }.Order(), (await world.QueryAsync(db => db.Accounts.Select(a => a.KakaoUserId).ToListAsync())).Order());
        Assert.IsType<InviteState.Used>(await StateAsync(world, token));
        Assert.Equal(1, world.Kakao.UnlinkRequests);
    }

    [Fact]
    public async Task AnExpiredInvite_AdmitsNobody_AndOnlyItsHashIsStored()
    {
        await using var world = await DispatchWorld.CreateAsync(database, FirstOwnerMode);
        var owner = await world.ConnectAsync(7301);
        var (invite, token) = await InviteAsync(world, owner);
        Assert.IsType<InviteState.Pending>(await StateAsync(world, token));

        world.Clock.Advance(Invite.Lifetime);
        var refused = await Assert.ThrowsAsync<NotAdmittedException>(() => ConnectInvitedAsync(world, 7302, invite.Id));

        Assert.Equal(NotAdmittedReason.InviteNoLongerValid, refused.Reason);
        Assert.IsType<InviteState.Expired>(await StateAsync(world, token));
        Assert.IsType<InviteState.Unknown>(await StateAsync(world, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        var stored = await world.QueryAsync(db => db.Invites.AsNoTracking().SingleAsync(i => i.Id == invite.Id));
        Assert.Equal(InviteTokens.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(1, await world.QueryAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task WithAList_OnlyListedIdsAndInvitedPeopleConnect_EvenWhenNoAccountExistsYet()
    {
        await using var world = await DispatchWorld.CreateAsync(database, new Dictionary<string, string?> { ["Notifier:Owners"] = "7401, 7402" });

        var unlisted = await Assert.ThrowsAsync<NotAdmittedException>(() => world.ConnectAsync(7400));
        var listed = await world.ConnectAsync(7402);
        var (invite, _) = await InviteAsync(world, listed);
        var invited = await ConnectInvitedAsync(world, 7403, invite.Id);

        Assert.Equal(NotAdmittedReason.Stranger, unlisted.Reason);
        Assert.Null((await world.AccountAsync(listed)).IsFirstOwner);
        Assert.Equal(7403, invited.KakaoUserId);
        Assert.Equal(2, await world.QueryAsync(db => db.Accounts.CountAsync()));
    }

    private static async Task<string> Outcome(Task<Account> connect)
    {
        try
        {
            await connect;
            return "owner";
        }
        catch (NotAdmittedException ex)
        {
            return ex.Reason.ToString();
        }
    }

    private static async Task<(Invite Invite, string Token)> InviteAsync(DispatchWorld world, long owner)
    {
        await using var scope = world.Node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Invites>().CreateAsync(owner, CancellationToken.None);
    }

    private static async Task<InviteState> StateAsync(DispatchWorld world, string token)
    {
        await using var scope = world.Node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Invites>().StateAsync(token, CancellationToken.None);
    }

    private static Task<Account> ConnectInvitedAsync(DispatchWorld world, long kakaoUserId, long inviteId) =>
        KakaoAccounts.ConnectAsync(world.Node.Services, world.Kakao, kakaoUserId, inviteId: inviteId);
}

public sealed class AdmissionTestsOnMariaDb(MariaDbDatabase database) : AdmissionTests<MariaDbDatabase>(database);

public sealed class AdmissionTestsOnSqlite(SqliteDatabase database) : AdmissionTests<SqliteDatabase>(database);
