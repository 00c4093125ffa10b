using System.Runtime.CompilerServices;

namespace Notifier.Floor;

/// <summary>The ASP.NET Core part: a web host with one endpoint, loaded only when <c>web</c> is asked for.</summary>
internal static class FloorWeb
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IHostApplicationBuilder CreateBuilder(string[] args) => WebApplication.CreateBuilder(args);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task RunAsync(IHostApplicationBuilder builder)
    {
        var app = ((WebApplicationBuilder)builder).Build();
        app.MapGet("/", () => Results.Ok("floor"));
        return app.RunAsync();
    }
}
