using Notifier.Floor;

// The libraries' floor (docs/decisions/0017): a host that loads only what Floor:Parts names and does the least a
// Notifier host does with each. Settings from the environment, as the bench gives them:
//   Floor__Parts=ef,quartz,dp  ConnectionStrings__Floor=...  Floor__ReadyFile=/tmp/x  [Urls=http://127.0.0.1:PORT]
var parts = FloorParts.Parse(Environment.GetEnvironmentVariable("Floor__Parts"));
var builder = parts.Web ? FloorWeb.CreateBuilder(args) : Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Floor");
builder.Services.AddSingleton(parts);
builder.Services.AddHostedService<ClaimLoop>();
if (parts.EfCore)
{
    FloorServices.AddEfCore(builder.Services, connectionString);
}

if (parts.DataProtection)
{
    FloorServices.AddDataProtection(builder.Services);
}

if (parts.Quartz)
{
    FloorServices.AddQuartz(builder.Services, connectionString);
}

if (parts.Web)
{
    await FloorWeb.RunAsync(builder);
}
else
{
    await ((HostApplicationBuilder)builder).Build().RunAsync();
}
