using Notifier.Core;

var builder = Host.CreateApplicationBuilder(args);
builder.AddNotifierCore();
builder.AddNotifierDispatcher(enabledByDefault: true);

await builder.Build().RunAsync();
