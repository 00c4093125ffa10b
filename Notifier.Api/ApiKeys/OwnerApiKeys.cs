using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Notifier.Core.ApiKeys;
using Notifier.Core.Data;

namespace Notifier.Api.ApiKeys;

/// <summary>The keys owners make on <c>/keys</c>: made (and shown) once, stored as a hash, found by it, revoked.</summary>
internal sealed partial class OwnerApiKeys(NotifierDbContext db, TimeProvider time)
{
    /// <summary>Every owner key starts with this, so it is recognizable in a config file or a secret scanner.</summary>
    public const string Prefix = "ntf_";

    public const int MaxNameLength = 50;

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A new key for the account: the stored row, and the key itself (shown once, never stored).</summary>
    public async Task<(OwnerApiKey? Created, string? Key, string? Problem)> CreateAsync(long accountId, string? name, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        if (!ValidName().IsMatch(name))
        {
            return (null, null, $"Give the key a name of 1 to {MaxNameLength} letters, digits, spaces, '-', '_' or '.'.");
        }

        var taken = await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId).Select(k => k.Name).ToListAsync(cancellationToken);
        if (taken.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return (null, null, $"You already have a key named '{name}'. Choose another name, or revoke that one first.");
        }

        var key = Prefix + Base64UrlEncoded(RandomNumberGenerator.GetBytes(32));
        var row = new OwnerApiKey
        {
            AccountId = accountId,
            Name = name,
            Hash = HashOf(key),
            Hint = key[..(Prefix.Length + 4)],
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same name saved meanwhile by another request.
            db.ChangeTracker.Clear();
            return (null, null, $"You already have a key named '{name}'. Choose another name, or revoke that one first.");
        }

        return (row, key, null);
    }

    public Task<List<OwnerApiKey>> ListAsync(long accountId, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId).OrderBy(k => k.Name).ToListAsync(cancellationToken);

    /// <summary>Deletes the key; false when the account has no such key.</summary>
    public async Task<bool> RevokeAsync(long accountId, long id, CancellationToken cancellationToken) =>
        await db.ApiKeys.Where(k => k.Id == id && k.AccountId == accountId).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>The caller a presented owner key stands for, or null when no key has this hash.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        // Found by the hash of a 256-bit random key: comparing in the index reveals nothing usable about other keys.
        var hash = HashOf(presented);
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.AccountId, k.Name }).SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        // "Last used" to the minute: one UPDATE a minute per key at most, not one per request.
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - LastUsedResolution;
        await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        return new ApiCaller(key.Name, key.AccountId);
    }

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncoded(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,49}$")]
    private static partial Regex ValidName();
}
