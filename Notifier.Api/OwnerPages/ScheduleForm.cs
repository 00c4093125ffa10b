using Notifier.Api.Schedules;
using Notifier.Core.Messages;
using Notifier.Core.Schedules;

namespace Notifier.Api.OwnerPages;

/// <summary>The schedule form as the browser posts it: a text memo or a card, kept as typed so a refused form comes back filled in.</summary>
public sealed class ScheduleForm
{
    public const string TextKind = "text";
    public const string CardKind = "card";
    public const string TemplateKind = "template";

    public string? Name { get; set; }

    public string? Cron { get; set; }

    public string? TimeZone { get; set; } = CronSchedule.DefaultTimeZone;

    /// <summary>
    /// <see cref="TextKind"/>, <see cref="CardKind"/>, or <see cref="TemplateKind"/> for a shape only the API sets (a default
    /// template, a console template or a scrap), kept as it is.
    /// </summary>
    public string? Kind { get; set; } = TextKind;

    public string? Text { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Link { get; set; }

    public static ScheduleForm From(ScheduleView view)
    {
        var message = view.Message;
        return new ScheduleForm
        {
            Name = view.Name,
            Cron = view.Cron,
            TimeZone = view.TimeZone,
            Kind = message?.Card is not null ? CardKind : SetThroughApi(message) ? TemplateKind : TextKind,
            Text = message?.Text,
            Title = message?.Card?.Title,
            Description = message?.Card?.Description,
            Link = message?.Card?.Link ?? message?.Link,
        };
    }

    /// <summary>The draft for the schedule service; a template stays the one already stored (<paramref name="current"/>).</summary>
    public ScheduleDraft ToDraft(long accountId, MessageContent? current = null, bool? enabled = null) => new()
    {
        AccountId = accountId,
        Name = Name,
        Cron = Cron,
        TimeZone = Blank(TimeZone) ?? CronSchedule.DefaultTimeZone,
        Message = Kind switch
        {
            CardKind => new MessageContent { Card = new CardContent { Title = Blank(Title), Description = Blank(Description), Link = Blank(Link) } },
            TemplateKind when SetThroughApi(current) => current,
            _ => new MessageContent { Text = Text ?? "", Link = Blank(Link) },
        },
        Enabled = enabled,
    };

    private static bool SetThroughApi(MessageContent? message) =>
        message is { Template: not null } or { TemplateId: not null } or { ScrapUrl: not null };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
