using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notifier.Core.Accounts;
using Notifier.Core.Data;
using Notifier.Core.Deliveries;
using Notifier.Core.Messages;

namespace Notifier.Core.Schedules;

/// <summary>Creates, replaces, deletes and triggers schedules, validating each exactly as <c>POST /api/messages</c> does.</summary>
public sealed class ScheduleService(
    NotifierDbContext db, MessageTemplateBuilder templates, DeliveryIntake intake, TimeProvider time, IOptions<ScheduleOptions> options)
{
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Task<Schedule?> FindAsync(long id, long? ownerAccountId, CancellationToken cancellationToken) =>
        db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && (ownerAccountId == null || s.AccountId == ownerAccountId), cancellationToken);

    public Task<List<Schedule>> ListAsync(long? accountId, CancellationToken cancellationToken) =>
        db.Schedules.AsNoTracking().Where(s => accountId == null || s.AccountId == accountId).OrderBy(s => s.Id).ToListAsync(cancellationToken);

    public Task<ScheduleChange> CreateAsync(ScheduleDraft draft, CancellationToken cancellationToken) => CreateAsync(draft, null, cancellationToken);

    /// <summary>
    /// Creates the schedule. With a <paramref name="key"/>, a creation sent again with the same key and request
    /// answers the schedule the first one made (<see cref="ScheduleChange.Replayed"/>), and with another request
    /// <see cref="ScheduleChange.KeyReused"/>; the key is stored in the creation's transaction.
    /// </summary>
    public async Task<ScheduleChange> CreateAsync(ScheduleDraft draft, CreationKey? key, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var account = await AccountChoice.ResolveAsync(db, draft.AccountId, why => refusal = why, cancellationToken);
        if (account is null)
        {
            return new ScheduleChange.NoAccount(refusal!);
        }

        var schedule = new Schedule { AccountId = account.Value.Id, CreatedAt = Now() };
        var change = Apply(schedule, draft);
        if (change is not ScheduleChange.Saved)
        {
            return change;
        }

        var max = options.Value.MaxPerAccount;
        try
        {
            return await db.InTransactionAsync<ScheduleChange>(async ct =>
            {
                // The account row is the lock every creation for this account queues behind (on every node), so two
                // concurrent creations cannot both see room for one more, nor both miss the other's key.
                await db.Dialect.LockAccountAsync(schedule.AccountId, ct);
                if (key is not null && await EarlierCreationAsync(key, ct) is { } earlier)
                {
                    return earlier;
                }

                var count = await db.Schedules.CountAsync(s => s.AccountId == schedule.AccountId, ct);
                if (count >= max)
                {
                    return new ScheduleChange.LimitReached($"{ScheduleOptions.SectionName}:{nameof(ScheduleOptions.MaxPerAccount)}", max,
                        $"Account {schedule.AccountId} has {count} schedules, the most this Notifier allows ({ScheduleOptions.SectionName}:{nameof(ScheduleOptions.MaxPerAccount)} = {max}). Delete one first.");
                }

                db.Schedules.Add(schedule);
                await db.SaveChangesAsync(ct);
                if (key is not null)
                {
                    db.ScheduleCreationKeys.Add(new ScheduleCreationKey
                    {
                        Scope = key.Scope, Key = key.Key, RequestHash = key.RequestHash, ScheduleId = schedule.Id, CreatedAt = schedule.CreatedAt,
                    });
                    await db.SaveChangesAsync(ct);
                }

                return change;
            }, cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same key committed meanwhile for another account (one account's creations queue on its lock): that
            // request differed from this one, which the earlier creation now says.
            db.ChangeTracker.Clear();
            if (await EarlierCreationAsync(key, CancellationToken.None) is { } earlier)
            {
                return earlier;
            }

            throw;
        }
    }

    /// <summary>What an earlier creation with this key says now: its schedule when the request was the same, else refused; null when there was none.</summary>
    private async Task<ScheduleChange?> EarlierCreationAsync(CreationKey key, CancellationToken cancellationToken)
    {
        var earlier = await db.ScheduleCreationKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Scope == key.Scope && k.Key == key.Key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.RequestHash != key.RequestHash)
        {
            return new ScheduleChange.KeyReused();
        }

        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == earlier.ScheduleId, cancellationToken);
        return schedule is null ? null : new ScheduleChange.Replayed(schedule);
    }

    /// <summary>Replaces the schedule; a fire already turned into a delivery but not yet due is withdrawn and fired anew.</summary>
    public async Task<ScheduleChange> ReplaceAsync(long id, long? ownerAccountId, ScheduleDraft draft, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(id, ownerAccountId, async (schedule, ct) =>
        {
            var change = Apply(schedule, draft);
            if (change is ScheduleChange.Saved)
            {
                await WithdrawPendingAsync(schedule.Id, ct);
                await db.SaveChangesAsync(ct);
            }

            return change;
        }, cancellationToken);
    }

    public Task<ScheduleChange> SetEnabledAsync(long id, long? ownerAccountId, bool enabled, CancellationToken cancellationToken) =>
        InTransactionAsync(id, ownerAccountId, async (schedule, ct) =>
        {
            var cron = CronSchedule.TryParse(schedule.Cron, schedule.TimeZone, time.GetUtcNow().UtcDateTime, out var field, out var error);
            if (cron is null)
            {
                return new ScheduleChange.Invalid(new Dictionary<string, string[]> { [field!] = [error!] });
            }

            if (enabled && !schedule.Enabled && IntervalError(cron) is { } tooOften)
            {
                return new ScheduleChange.Invalid(new Dictionary<string, string[]> { ["cron"] = [tooOften] });
            }

            if (schedule.Enabled != enabled)
            {
                schedule.Enabled = enabled;
                schedule.NextFireTime = enabled ? cron.NextAfter(time.GetUtcNow().UtcDateTime) : null;
                schedule.UpdatedAt = Now();
                await WithdrawPendingAsync(schedule.Id, ct);
                await db.SaveChangesAsync(ct);
            }

            return new ScheduleChange.Saved(schedule, cron);
        }, cancellationToken);

    /// <summary>Deletes the schedule; its deliveries stay in the log, except a pending fire not yet due.</summary>
    public Task<ScheduleChange> DeleteAsync(long id, long? ownerAccountId, CancellationToken cancellationToken) =>
        InTransactionAsync(id, ownerAccountId, async (schedule, ct) =>
        {
            await WithdrawPendingAsync(schedule.Id, ct);
            db.Schedules.Remove(schedule);
            await db.SaveChangesAsync(ct);
            return new ScheduleChange.Deleted();
        }, cancellationToken);

    /// <summary>Sends the schedule's message now, as a delivery of its own (not a fire).</summary>
    public async Task<IntakeResult?> TriggerAsync(long id, long? ownerAccountId, CancellationToken cancellationToken, IntakeRequester? requester = null) =>
        await FindAsync(id, ownerAccountId, cancellationToken) is { } schedule
            ? await intake.EnqueueAsync(schedule.AccountId, schedule.TemplateJson, null, "", cancellationToken, scheduleId: schedule.Id, requester: requester)
            : null;

    /// <summary>The message as the owner gave it.</summary>
    public static MessageContent? MessageOf(Schedule schedule) => JsonSerializer.Deserialize<MessageContent>(schedule.MessageJson, MessageJson);

    private ScheduleChange Apply(Schedule schedule, ScheduleDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (schedule.Id != 0 && draft.AccountId is { } accountId && accountId != schedule.AccountId)
        {
            errors["accountId"] = ["a schedule cannot move to another account; create a new one"];
        }

        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["is required"];
        }
        else if (name.Length > CronSchedule.MaxNameLength)
        {
            errors["name"] = [$"must be at most {CronSchedule.MaxNameLength} characters; it has {name.Length}"];
        }

        var cron = CronSchedule.TryParse(draft.Cron, draft.TimeZone, time.GetUtcNow().UtcDateTime, out var field, out var cronError);
        if (cron is null)
        {
            errors[field!] = [cronError!];
            // A bad cron stops the parse before the zone is looked at; name a bad zone in the same answer.
            if (field == "cron" && CronSchedule.FindZone(draft.TimeZone, out var zoneError) is null)
            {
                errors["timeZone"] = [zoneError!];
            }
        }
        else if ((draft.Enabled ?? true) && IntervalError(cron) is { } tooOften)
        {
            errors["cron"] = [tooOften];
        }

        var message = templates.Build(draft.Message, "message.");
        foreach (var (key, value) in message.Errors)
        {
            errors[key == "message.message" ? "message" : key] = value;
        }

        if (errors.Count > 0 || cron is null || !message.IsValid)
        {
            return new ScheduleChange.Invalid(errors);
        }

        var now = Now();
        schedule.Name = name!;
        schedule.Cron = cron.Expression;
        schedule.TimeZone = cron.Zone.Id;
        schedule.MessageJson = JsonSerializer.Serialize(draft.Message, MessageJson);
        schedule.TemplateJson = message.TemplateJson!;
        schedule.Enabled = draft.Enabled ?? true;
        schedule.NextFireTime = schedule.Enabled ? cron.NextAfter(now) : null;
        schedule.UpdatedAt = now;
        return new ScheduleChange.Saved(schedule, cron);
    }

    /// <summary>Why <paramref name="cron"/> fires too often for <see cref="ScheduleOptions.MinimumIntervalSeconds"/>, or null.</summary>
    private string? IntervalError(CronSchedule cron)
    {
        var minimum = options.Value.MinimumIntervalSeconds;
        if (cron.FiresCloserThan(TimeSpan.FromSeconds(minimum), time.GetUtcNow().UtcDateTime) is not { } fires)
        {
            return null;
        }

        var gap = (fires.Second - fires.First).TotalSeconds;
        var local = TimeZoneInfo.ConvertTimeFromUtc(fires.First, cron.Zone);
        return string.Create(CultureInfo.InvariantCulture, $"fires {gap:0.###} s apart (at {local:yyyy-MM-dd HH:mm:ss} {cron.Zone.Id} and {gap:0.###} s later); ") +
            $"a schedule may fire at most once every {minimum} s ({ScheduleOptions.SectionName}:{nameof(ScheduleOptions.MinimumIntervalSeconds)})";
    }

    /// <summary>Now, to the microsecond the database keeps: the view answered on a write equals what a later read shows.</summary>
    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }

    private Task<ScheduleChange> InTransactionAsync(
        long id, long? ownerAccountId, Func<Schedule, CancellationToken, Task<ScheduleChange>> change, CancellationToken cancellationToken)
    {
        return db.InTransactionAsync(async ct =>
        {
            // Locked like the materializer locks it, so a change and a fire never interleave.
            var schedule = await db.Dialect.LockScheduleAsync(id, ct);
            return schedule is null || (ownerAccountId is not null && schedule.AccountId != ownerAccountId)
                ? new ScheduleChange.NotFound()
                : await change(schedule, ct);
        }, cancellationToken);
    }

    // A fire materialized ahead of time (queued, never tried, its fire time still to come) belongs to the old definition.
    // Judged by the fire time, not DueAt: a fire that already happened but waits for the daily cap has a later DueAt, and
    // the new definition would not fire it again.
    private Task<int> WithdrawPendingAsync(long scheduleId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Deliveries
            .Where(d => d.ScheduleId == scheduleId && d.FireTime > now && d.Status == DeliveryStatus.Queued && d.Attempts == 0)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
