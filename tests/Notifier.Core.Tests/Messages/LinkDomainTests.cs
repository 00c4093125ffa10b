using Notifier.Core.Messages;

namespace Notifier.Core.Tests.Messages;

/// <summary>A link opens in KakaoTalk only on a registered site domain, matched by scheme, host and port; a subdomain is its own site.</summary>
public sealed class LinkDomainTests
{
    [Theory]
    [InlineData("example.com", "https://example.com/a", true)]
    [InlineData("example.com", "http://EXAMPLE.com:8080/a", true)]
    [InlineData("example.com", "https://sub.example.com/a", false)]
    [InlineData("example.com", "https://notexample.com/a", false)]
    [InlineData("sub.example.com", "https://sub.example.com/a", true)]
    [InlineData("https://example.com", "https://example.com/a", true)]
    [InlineData("https://example.com", "http://example.com/a", false)]
    [InlineData("https://example.com:8443", "https://example.com:8443/a", true)]
    [InlineData("https://example.com:8443", "https://example.com/a", false)]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/deliveries", true)]
    public void ALink_MatchesARegisteredDomain_AsKakaoMatchesIt(string registered, string link, bool opens) =>
        Assert.Equal(opens, LinkDomain.Parse(registered)!.Allows(new Uri(link)));

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("https://example.com/path")]
    [InlineData("exa mple.com")]
    public void ASettingThatIsNeitherAHostNorAnOrigin_IsNotADomain(string value) =>
        Assert.Null(LinkDomain.Parse(value));

    [Fact]
    public void AnOrigin_KeepsItsExplicitPort_AndAHost_ReadsAsGiven()
    {
        Assert.Equal("https://example.com:8443", LinkDomain.Parse("https://example.com:8443/")!.ToString());
        Assert.Equal("https://example.com", LinkDomain.Parse("https://example.com")!.ToString());
        Assert.Equal("example.com", LinkDomain.Parse(".Example.com")!.ToString());
    }
}
