using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Notifier.Core.Accounts;

namespace Notifier.Core.Owners;

/// <summary>
/// At most one account is the first owner: <see cref="Account.IsFirstOwner"/> is true for it and null for every other,
/// and a unique index allows one true. Two first connects at the same moment both try to insert true; the database lets
/// one commit and the other fails on the index, whichever node it runs on.
/// </summary>
internal sealed class FirstOwnerConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder) =>
        builder.HasIndex(a => a.IsFirstOwner).IsUnique();
}
