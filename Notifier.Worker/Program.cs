using Notifier.Core;

var builder = Host.CreateApplicationBuilder(args);
builder.AddNotifierCore();

builder.Build().Run();
