using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Notifier.Api.Tests.Support;
using Notifier.Testing.Database;
using Notifier.Testing.Hosting;
using Notifier.Testing.Kakao;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Notifier.Api.Tests.Browser;

/// <summary>
/// The Api on a real loopback port (a browser cannot reach the in-memory test server), dispatching to the WireMock
/// Kakao, and Debian's Chromium headless shell driven by Playwright's driver shipped in the NuGet package (no browser
/// download).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Chromium's headless shell (Debian's <c>chromium-headless-shell</c>): the same Blink and V8 as the browser without
    /// its window and UI, and what Playwright itself launches for a headless Chromium. The full browser in headless mode
    /// still builds its toolbar and tab strip (renderers of their own): about three times the CPU for the same pages
    /// (docs/decisions/0018, stop 25).
    /// </summary>
    public const string ChromiumPath = "/usr/bin/chromium-headless-shell";

    /// <summary>What the fake Kakao's consent page says (the real one asks the person to log in and agree).</summary>
    public const string ConsentPageText = "Kakao consent page (fake)";

    private IPlaywright? _playwright;

    public KakaoFake Kakao { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public NotifierApiFactory Factory { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>$NOTIFIER_TEST_ARTIFACTS</c>, else <c>artifacts/</c> beside the test assembly.</summary>
    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("NOTIFIER_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        ConnectionString = await TestMariaDb.CreateDatabaseAsync(nameof(BrowserFixture));
        var port = FreePort.Next();
        Factory = new NotifierApiFactory(NotifierApiFactory.Settings(ConnectionString, Kakao, new Dictionary<string, string?>
        {
            ["Dispatch:Enabled"] = "true",
            ["Dispatch:PollIntervalMilliseconds"] = "100",
            ["Kakao:AllowedLinkDomains:0"] = "example.com",
            ["Kakao:AllowedLinkDomains:1"] = "notifier.example.com",
            // http: the browser talks to this host directly over plain http, where an https public URL's Secure-only
            // cookies (antiforgery refuses to issue one over http) cannot work. Kakao sends the browser back here.
            ["Notifier:PublicUrl"] = "http://notifier.example.com",
            ["Kakao:RedirectUri"] = $"http://127.0.0.1:{port}/auth/kakao/callback",
            // The product's default owner model, as a person meets it: the first to connect owns this Notifier.
            ["Notifier:Owners"] = "",
        }));
        Kakao.Server.Given(Request.Create().WithPath("/oauth/authorize").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/html; charset=utf-8").WithBody($"<p>{ConsentPageText}</p>"));
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = new Uri(addresses.Addresses.First());

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium-headless-shell package.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No GPU process: headless Chromium would emulate one in software (SwiftShader); without it the pages and
            // screenshots render the same with about a fifth less of Chromium's CPU (docs/decisions/0018).
            // No background traffic: this machine's network is closed, and Chromium's own connections (component
            // updates, sync, first-run fetches) are refused or hang there (the machine's notes, /work/.library/env).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ArtifactsDirectory);
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
    }

    /// <summary>
    /// A fresh browser context the size of a phone, pointed at this host. Navigation and expectations wait up to
    /// <see cref="Patience"/>: on a loaded machine a page that goes through the fake Kakao and back can take longer
    /// than Playwright's 30 s default, and the deadline only bounds a broken page.
    /// </summary>
    public async Task<IBrowserContext> NewPhoneAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        return context;
    }

    /// <summary>
    /// Waits until <paramref name="page"/> is at the fake Kakao's consent page: its URL is the authorize URL and the page
    /// shows the consent text; the URL is polled, no load state is waited for. <c>WaitForURLAsync</c> waits for one when
    /// the URL already matches, and hung both ways: for the load event once after the URL had matched (stop 24), and for
    /// "commit", which its client only ever sees while a navigation is in flight, when the headless shell had finished
    /// navigating before the wait began (stop 25).
    /// </summary>
    public static async Task AtKakaoConsentAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/oauth/authorize\\?"));
        await Assertions.Expect(page.GetByText(ConsentPageText)).ToBeVisibleAsync();
    }

    /// <summary>How long a page step may take before the test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        Kakao.Dispose();
        await TestMariaDb.DropDatabaseAsync(ConnectionString);
    }
}
