using System.Net;
using Notifier.Api.Tests.Support;

namespace Notifier.Api.Tests.Webhooks;

/// <summary>No Kakao:AdminKey: Notifier cannot tell Kakao's calls from anyone's.</summary>
public sealed class UnconfiguredUnlinkWebhookFixture : MessagingFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Kakao:AdminKey"] = null;
}

public sealed class UnconfiguredUnlinkWebhookTests(UnconfiguredUnlinkWebhookFixture fixture) : IClassFixture<UnconfiguredUnlinkWebhookFixture>
{
    [Fact]
    public async Task Unlink_WithoutAnAdminKeyConfigured_Is503NamingTheSettings_AndChangesNothing()
    {
        var accountId = await fixture.ConnectAccountAsync(8501);

        var post = await UnlinkCalls.PostAsync(fixture, UnlinkCalls.Fields(8501));
        var get = await UnlinkCalls.GetAsync(fixture, UnlinkCalls.Fields(8501), authorization: "KakaoAK anything");

        post.AssertProblemDetail(HttpStatusCode.ServiceUnavailable, "Kakao:AdminKey");
        get.AssertProblemDetail(HttpStatusCode.ServiceUnavailable, "Kakao:AdminKey");
        Assert.Equal("active", await fixture.AccountStatusAsync(accountId));
    }
}
