using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Notifier.Floor;

/// <summary>
/// Each part's registration in a method of its own, not inlined: the JIT loads the assemblies a method names when it
/// compiles it, so a part left out is not loaded at all and its memory does not count in another floor's figure.
/// </summary>
internal static class FloorServices
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddEfCore(IServiceCollection services, string? connectionString) =>
        services.AddDbContext<FloorContext>(o => o.UseMySql(connectionString, ServerVersion.Parse("10.11-mariadb")));

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddDataProtection(IServiceCollection services) =>
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "notifier-floor-keys")));

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddQuartz(IServiceCollection services, string? connectionString)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "NotifierFloor";
                s.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseMySqlConnector(connectionString!);
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                store.UseSystemTextJsonSerializer();
            });
            q.AddJob<NoopJob>(j => j.WithIdentity(NoopJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(NoopJob.Key).WithIdentity("noop", "floor")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(10)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>Protects and unprotects a token once, as a Worker does before its first send.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void UseDataProtection(IServiceProvider services)
    {
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("floor");
        _ = protector.Unprotect(protector.Protect("a token"));
    }
}
