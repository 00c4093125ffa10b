using System.ComponentModel.DataAnnotations;

namespace Notifier.Api.Auth;

/// <summary>How long an owner's browser session lasts (section <c>Notifier</c>).</summary>
internal sealed class OwnerSessionOptions
{
    public const string SectionName = "Notifier";

    /// <summary>
    /// Days from signing in (the Kakao connect) until the session ends, however often it was used meanwhile: sliding
    /// renewals keep an active cookie fresh but never past this. Signing in again starts a new one.
    /// </summary>
    [Range(1, 365, ErrorMessage = "Notifier:SessionDays must be a whole number of days from 1 to 365 (the default is 7).")]
    public int SessionDays { get; set; } = 7;

    public TimeSpan Lifetime => TimeSpan.FromDays(SessionDays);
}
