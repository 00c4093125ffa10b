using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Notifier.Core.Owners;

/// <summary>
/// Who may connect a KakaoTalk account to this Notifier (<c>Notifier:Owners</c>). Empty: the first account to connect
/// owns it, afterwards only people an owner invites. A list of Kakao user ids: those people, and whoever an owner
/// invites. <c>*</c>: anyone who can reach it. An account that already exists may always connect again.
/// </summary>
public sealed class OwnerOptions : IValidatableObject
{
    public const string SectionName = "Notifier";

    public const string Anyone = "*";

    /// <summary>Kakao user ids, or <c>*</c>; an entry may hold several, separated by commas.</summary>
    public List<string> Owners { get; set; } = [];

    /// <summary>Whether anyone may connect (<c>*</c>).</summary>
    public bool AnyoneMayConnect => Entries().Contains(Anyone);

    /// <summary>Whether the list is empty: then the first account to connect owns this Notifier.</summary>
    public bool FirstToConnectOwns => !Entries().Any();

    /// <summary>Whether <paramref name="kakaoUserId"/> is listed by id.</summary>
    public bool Lists(long kakaoUserId) =>
        Entries().Any(e => long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == kakaoUserId);

    /// <summary>
    /// Also takes <c>Notifier:Owners=123,456</c> or <c>*</c> written as one value (an environment variable
    /// <c>Notifier__Owners</c>), which list binding alone would silently ignore.
    /// </summary>
    public void AddScalarValue(IConfiguration section)
    {
        if (section[nameof(Owners)] is { Length: > 0 } value)
        {
            Owners.Add(value);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var entries = Entries().ToList();
        if (entries.Contains(Anyone) && entries.Count > 1)
        {
            yield return new ValidationResult(
                "Notifier:Owners: '*' (anyone may connect) cannot be combined with Kakao user ids; set one or the other.", [nameof(Owners)]);
        }

        foreach (var entry in entries.Where(e => e != Anyone && !(long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)))
        {
            yield return new ValidationResult(
                $"Notifier:Owners: '{entry}' is not a Kakao user id (a positive number, as GET /v2/user/me answers) or '*'.", [nameof(Owners)]);
        }
    }

    private IEnumerable<string> Entries() =>
        Owners.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct();
}
