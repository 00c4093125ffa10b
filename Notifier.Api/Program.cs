using Notifier.Api;
using Notifier.Api.Accounts;
using Notifier.Api.Auth;
using Notifier.Api.Health;
using Notifier.Api.Home;
using Notifier.Api.Integrations;
using Notifier.Api.Integrations.Hooks;
using Notifier.Api.Integrations.Ntfy;
using Notifier.Api.Hosting;
using Notifier.Api.Kakao;
using Notifier.Api.Messages;
using Notifier.Api.Metrics;
using Notifier.Api.OpenApi;
using Notifier.Api.OwnerPages;
using Notifier.Api.Pages;
using Notifier.Api.Schedules;
using Notifier.Core;
using Notifier.Core.Data;
using Notifier.Core.Jobs;
using Serilog;

if (args is [HealthProbe.Argument])
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultListenAddressUnlessChosen();
builder.AddNotifierCore();
builder.AddNotifierApi();
builder.AddNotifierMetrics();
// In the embedded default (SQLite, one process) the Api dispatches too; with MariaDB the Workers do.
var embedded = (builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider == DatabaseProvider.Sqlite;
builder.AddNotifierDispatcher(enabledByDefault: embedded);
builder.AddNotifierJobs(enabledByDefault: embedded);

var app = builder.Build();
app.UseReverseProxySupport();
app.UseSecurityHeaders();
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseReadableStatusPages();
app.UseRequestTimeouts();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHome();
app.MapSchedulePages();
app.MapDeliveryPages();
app.MapSendPages();
app.MapAccountPages();
app.MapInvitePages();
app.MapInviteLinks();
app.MapTopicPages();
app.MapMessagePages();
app.MapKeyPages();
app.MapKakaoAuth();
app.MapAccounts();
app.MapMessages();
app.MapSchedules();
app.MapKakaoUnlink();
app.MapHealth();
app.MapMetrics();
app.MapNotifierOpenApi();
app.MapHooks();
app.MapNtfyAccount();
// Last, and POST/PUT only: /{topic} never stands in for a route above (ReservedTopics).
app.MapNtfy();
app.BuildEndpointsOnce();

await app.RunAsync();
return 0;

/// <summary>The Api host; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
