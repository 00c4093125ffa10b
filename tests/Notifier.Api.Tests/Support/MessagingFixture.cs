namespace Notifier.Api.Tests.Support;

/// <summary>
/// An Api host set up for sending: links allowed on example.com, the public URL on it, the unlink webhook configured.
/// The dispatcher runs only when a subclass says so, so that otherwise deliveries stay queued.
/// </summary>
public abstract class MessagingFixture : ApiFixture
{
    public const string PublicUrl = "https://notifier.example.com";
    public const string AdminKey = "fake-admin-key-for-unlink";
    public const string AppId = "123456";

    /// <summary>Whether the Api host runs the dispatcher (it sends to the fake Kakao).</summary>
    protected virtual bool Dispatch => false;

    protected override IReadOnlyDictionary<string, string?> SettingOverrides()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifier:PublicUrl"] = PublicUrl,
            // The site domains the test app registered at Kakao: a subdomain counts only when registered itself.
            ["Kakao:AllowedLinkDomains:0"] = "example.com",
            ["Kakao:AllowedLinkDomains:1"] = new Uri(PublicUrl).Host,
            ["Kakao:AllowedLinkDomains:2"] = "status.example.com",
            ["Kakao:AllowedLinkDomains:3"] = "logs.example.com",
            ["Kakao:AllowedLinkDomains:4"] = "reports.example.com",
            ["Kakao:AllowedLinkDomains:5"] = "m.example.com",
            ["Kakao:AllowedLinkDomains:6"] = "todo.example.com",
            ["Kakao:AllowedLinkDomains:7"] = "ci.example.com",
            ["Kakao:AllowedLinkDomains:8"] = "events.example.com",
            ["Kakao:AllowedLinkDomains:9"] = "map.example.com",
            ["Kakao:AllowedLinkDomains:10"] = "shop.example.com",
            ["Kakao:AllowedLinkDomains:11"] = "blog.example.com",
            ["Kakao:AdminKey"] = AdminKey,
            ["Kakao:AppId"] = AppId,
            ["Dispatch:Enabled"] = Dispatch ? "true" : "false",
            ["Dispatch:PollIntervalMilliseconds"] = "100",
        };
        Configure(settings);
        return settings;
    }

    /// <summary>Settings a subclass adds or changes.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }
}
