using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Notifier.Api.Tests.OwnerPages;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Time;

namespace Notifier.Api.Tests.Owners;

/// <summary><c>Notifier:SessionDays</c> (default 7) counts from sign-in: a session used every few days still ends on time.</summary>
public sealed class SessionLifetimeTests(OwnerPagesFixture fixture) : IClassFixture<OwnerPagesFixture>
{
    [Fact]
    public async Task ASessionRenewedBySlidingExpiration_StillEndsSevenDaysAfterSignIn()
    {
        var clock = TestClock.Create();
        await using var host = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var owner = await ConnectAsync(host, 9601, "Weekly Owner");

        clock.Advance(TimeSpan.FromDays(4));
        using var renewed = await owner.Client.GetAsync(new Uri("/schedules", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.Contains("notifier_owner=", StringComparison.Ordinal) && !c.Contains("notifier_owner=;", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/schedules")).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        using var ended = await owner.Client.GetAsync(new Uri("/schedules", UriKind.Relative));
        Assert.StartsWith("/?", OwnerBrowser.Target(ended), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionDays_IsTheLifetime()
    {
        var clock = TestClock.Create();
        await using var host = fixture.Factory.WithWebHostBuilder(b => b
            .UseSetting("Notifier:SessionDays", "1")
            .ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var owner = await ConnectAsync(host, 9602, "Daily Owner");

        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/schedules")).Status);
        clock.Advance(TimeSpan.FromHours(1));
        using var ended = await owner.Client.GetAsync(new Uri("/schedules", UriKind.Relative));

        Assert.StartsWith("/?", OwnerBrowser.Target(ended), StringComparison.Ordinal);
    }

    private async Task<OwnerBrowser> ConnectAsync(WebApplicationFactory<Program> host, long kakaoUserId, string nickname)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(MessagingFixture.PublicUrl), AllowAutoRedirect = false, HandleCookies = true,
        });
        using var callback = await KakaoBrowserFlow.ConnectAsync(client, fixture.Kakao, kakaoUserId, nickname);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return new OwnerBrowser(client);
    }
}
