using Notifier.Core.Kakao;

namespace Notifier.Core.Messages;

/// <summary>
/// A memo Kakao lays out itself: a template built in the Kakao Developers console (<c>templateId</c>, <c>templateArgs</c>),
/// or a scraped page (<c>scrapUrl</c>, optionally with a console template). Checked here, sent by its own endpoint.
/// </summary>
internal sealed class ConsoleTemplateMessage(LinkPolicy links, MessageValidation result, string prefix)
{
    public StoredMemo? Check(MessageContent content)
    {
        if (content.TemplateId is <= 0)
        {
            result.Add(prefix + "templateId", "must be a positive integer: the id of a template in the Kakao Developers console");
        }

        CheckArgs(content.TemplateArgs);
        if (content.ScrapUrl is { } url && links.Check(url.Trim()) is { } problem)
        {
            result.Add(prefix + "scrapUrl", problem);
        }

        if (result.HasErrors)
        {
            return null;
        }

        IReadOnlyDictionary<string, string>? args = content.TemplateArgs;
        return content.ScrapUrl is { } scrap
            ? new StoredMemo.Scrap(scrap.Trim(), content.TemplateId, args)
            : new StoredMemo.CustomTemplate(content.TemplateId!.Value, args);
    }

    private void CheckArgs(Dictionary<string, string>? args)
    {
        var field = prefix + "templateArgs";
        if (args is null)
        {
            return;
        }

        if (args.Count > MessageLimits.TemplateArgsCount)
        {
            result.Add(field, $"at most {MessageLimits.TemplateArgsCount} arguments; got {args.Count}");
        }

        foreach (var (key, value) in args)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > MessageLimits.TemplateArgKeyLength)
            {
                result.Add(field, $"every name must be 1 to {MessageLimits.TemplateArgKeyLength} characters");
            }
            else if (string.IsNullOrWhiteSpace(value) || value.Length > MessageLimits.TemplateArgValueLength)
            {
                result.Add($"{field}.{key}", $"must be a string of 1 to {MessageLimits.TemplateArgValueLength} characters");
            }
        }
    }
}
