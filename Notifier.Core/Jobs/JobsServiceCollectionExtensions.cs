using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Schedules;
using Quartz;

namespace Notifier.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The Quartz scheduler's name; one cluster per database.</summary>
    public const string SchedulerName = "Notifier";

    /// <summary>
    /// Runs Notifier's jobs with Quartz unless <c>Schedules:JobsEnabled</c> says otherwise: on MariaDB in Quartz's
    /// clustered persistent store in the same database (any number of nodes; each fire runs on one; a dead node's work is
    /// taken over), on SQLite in memory in this one process. The store's schema is created by the migration step
    /// (<see cref="QuartzSchema"/>) and only validated here.
    /// </summary>
    public static IHostApplicationBuilder AddNotifierJobs(this IHostApplicationBuilder builder, bool enabledByDefault)
    {
        var options = builder.Configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        if (!(options.JobsEnabled ?? enabledByDefault))
        {
            return builder;
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var tokens = builder.Configuration.GetSection(TokenOptions.SectionName).Get<TokenOptions>() ?? new TokenOptions();
        var upkeepZone = TimeZoneInfo.FindSystemTimeZoneById(tokens.UpkeepTimeZone);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true;
            });
            if (database.Provider == DatabaseProvider.MariaDb)
            {
                q.UsePersistentStore(store =>
                {
                    store.UseMySqlConnector(builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)!);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                    });
                    store.UseSystemTextJsonSerializer();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.AddJob<ScheduleFiresJob>(j => j.WithIdentity(ScheduleFiresJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduleFiresJob.Key).WithIdentity("schedule-fires", "notifier")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.PollSeconds)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            q.AddJob<TokenUpkeepJob>(j => j.WithIdentity(TokenUpkeepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(TokenUpkeepJob.Key).WithIdentity("token-upkeep", "notifier")
                .WithCronSchedule(tokens.UpkeepCron, c => c.InTimeZone(upkeepZone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            q.AddJob<HousekeepingJob>(j => j.WithIdentity(HousekeepingJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(HousekeepingJob.Key).WithIdentity("housekeeping", "notifier")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            // Started after the migration step and the rest of the host; on stop, running jobs finish first.
            o.AwaitApplicationStarted = true;
            o.WaitForJobsToComplete = true;
        });
        return builder;
    }
}
