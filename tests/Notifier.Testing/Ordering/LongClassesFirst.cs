using Xunit;
using Xunit.Abstractions;

namespace Notifier.Testing.Ordering;

/// <summary>
/// Orders test collections so those marked <see cref="RunsLongAttribute"/> start first, the rest after them in
/// xunit's own order: the longest jobs first keeps the parallel classes busy until the end of the run.
/// Used with <c>[assembly: TestCollectionOrderer(LongClassesFirst.TypeName, LongClassesFirst.AssemblyName)]</c>.
/// </summary>
public sealed class LongClassesFirst : ITestCollectionOrderer
{
    public const string TypeName = "Notifier.Testing.Ordering.LongClassesFirst";
    public const string AssemblyName = "Notifier.Testing";

    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => RunsLong(c) ? 0 : 1).ToList();

    private static bool RunsLong(ITestCollection collection)
    {
        // A collection definition ([CollectionDefinition]) or, for xunit's collection per class, the class it is named after.
        var type = (collection.CollectionDefinition as IReflectionTypeInfo)?.Type
            ?? (collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
                ? (collection.TestAssembly.Assembly as IReflectionAssemblyInfo)?.Assembly.GetType(ClassName(collection.DisplayName))
                : null);
        return type?.IsDefined(typeof(RunsLongAttribute), inherit: true) == true;
    }

    // "Test collection for Namespace.Class" (xunit 2 may add " (id)" after the name).
    private static string ClassName(string displayName)
    {
        var name = displayName[PerClassPrefix.Length..];
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? name : name[..space];
    }
}
