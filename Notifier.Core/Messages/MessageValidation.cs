namespace Notifier.Core.Messages;

/// <summary>The outcome of turning a <see cref="MessageContent"/> into a Kakao template: the JSON, or errors by field.</summary>
public sealed class MessageValidation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public string? TemplateJson { get; internal set; }

    public bool IsValid => _errors.Count == 0 && TemplateJson is not null;

    /// <summary>Errors keyed by the field path in the request (<c>text</c>, <c>card.buttons[0].link</c>, ...).</summary>
    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    internal void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    internal bool HasErrors => _errors.Count > 0;

    internal bool Has(string field) => _errors.ContainsKey(field);
}
