using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Data;
using Notifier.Core.Data.Dialects;

namespace Notifier.Core.Security;

/// <summary>
/// Keeps the Data Protection key ring in Notifier's own database, so the Api and every Worker decrypt the same tokens.
/// </summary>
internal sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifierDbContext>();
        // One plain INSERT rather than SaveChanges: the first key is written while a new database's Api starts, and
        // EF's change tracking and update pipeline would be compiled for it then (~900 methods; docs/decisions/0017).
        var keys = new TableNames<DataProtectionKey>(db);
        var insert = $"INSERT INTO {keys.Table} ({keys[nameof(DataProtectionKey.FriendlyName)]}, {keys[nameof(DataProtectionKey.Xml)]}) VALUES ({{0}}, {{1}})";
        db.Database.ExecuteSqlRaw(insert, friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
