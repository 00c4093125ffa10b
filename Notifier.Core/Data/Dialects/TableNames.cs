using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Notifier.Core.Data.Dialects;

/// <summary>The table, column and index names of entity <typeparamref name="T"/> as the EF model maps them, for hand-written SQL.</summary>
internal sealed class TableNames<T>
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;

    public TableNames(DbContext db)
    {
        _entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = _entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        _table = StoreObjectIdentifier.Table(Table, _entity.GetSchema());
    }

    public string Table { get; }

    /// <summary>The column of property <paramref name="property"/> (pass <c>nameof(Entity.Property)</c>).</summary>
    public string this[string property] =>
        (_entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not mapped.")).GetColumnName(_table)
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} has no column.");

    /// <summary>The database name of the index declared on exactly these properties, in this order.</summary>
    public string Index(params string[] properties) =>
        _entity.GetIndexes().Single(i => i.Properties.Select(p => p.Name).SequenceEqual(properties)).GetDatabaseName()
        ?? throw new InvalidOperationException($"The index on {typeof(T).Name}({string.Join(", ", properties)}) has no name.");
}
