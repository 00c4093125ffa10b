using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Notifier.Core.Data;

/// <summary>Stores UTC and reads it back as UTC, so no provider hands out <see cref="DateTimeKind.Unspecified"/>.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
