using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifier.Core.Data;
using Notifier.Testing.Compose;

namespace Notifier.Core.Tests.Data;

/// <summary>
/// The hosts start with the compiled models in <c>Notifier.Core/Data/CompiledModels</c> (docs/decisions/0017): these
/// must be exactly what <c>dotnet ef dbcontext optimize</c> makes of the current model, or a model change would be
/// silently ignored at run time. <c>scripts/compiled-models.sh</c> regenerates them.
/// </summary>
public sealed partial class CompiledModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "MariaDb"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_IsWhatOptimizeMakesOfTheCurrentModel(string provider)
    {
        using DbContext context = provider == "Sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new MariaDbDesignTimeFactory().CreateDbContext([]);
        var committed = Path.Combine(ComposeFile.RepositoryRoot, "Notifier.Core", "Data", "CompiledModels", provider);
        var generated = Directory.CreateTempSubdirectory("notifier-compiled-model-");
        try
        {
            // What the tool does (DbContextOperations.Optimize): the design-time model, built from OnModelCreating.
#pragma warning disable EF1001 // the tool's own service builder: the provider's code generators, as `dotnet ef` finds them
            var assembly = typeof(NotifierDbContext).Assembly;
            var services = new DesignTimeServicesBuilder(assembly, assembly, new OperationReporter(null), []).Build(context);
#pragma warning restore EF1001
            services.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
                context.GetService<IDesignTimeModel>().Model,
                generated.FullName,
                new CompiledModelCodeGenerationOptions
                {
                    ContextType = context.GetType(),
                    ModelNamespace = $"Notifier.Core.Data.CompiledModels.{provider}",
                    Language = "C#",
                    UseNullableReferenceTypes = true,
                });

            var expected = Files(generated.FullName);
            var actual = Files(committed);
            Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
                $"Run scripts/compiled-models.sh: the compiled model's files differ ({string.Join(", ", expected.Keys.Order())} now).");
            foreach (var (name, text) in expected)
            {
                Assert.True(text == actual[name],
                    $"Run scripts/compiled-models.sh: {provider}/{name} is not what the current model compiles to; first difference: {FirstDifference(text, actual[name])}");
            }
        }
        finally
        {
            generated.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Sqlite", typeof(Notifier.Core.Data.CompiledModels.Sqlite.SqliteNotifierDbContextModel))]
    [InlineData("MariaDb", typeof(Notifier.Core.Data.CompiledModels.MariaDb.MariaDbNotifierDbContextModel))]
    public void Hosts_StartWithTheCompiledModel(string provider, Type model)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Notifier"] = provider == "Sqlite" ? "Data Source=:memory:" : "Server=localhost;Database=notifier",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddNotifierDatabase(configuration, Path.GetTempPath()).BuildServiceProvider();
        using var scope = services.CreateScope();

        Assert.IsType(model, scope.ServiceProvider.GetRequiredService<NotifierDbContext>().Model);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (want, have) = (expected.Split('\n'), actual.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(want.Length, have.Length)).FirstOrDefault(i => want[i] != have[i], Math.Min(want.Length, have.Length));
        return $"line {line + 1}, generated \"{want.ElementAtOrDefault(line)?.Trim()}\", committed \"{have.ElementAtOrDefault(line)?.Trim()}\"";
    }

    // Each generation gives the model a new random id; everything else is compared as generated.
    private static Dictionary<string, string> Files(string directory) =>
        Directory.GetFiles(directory, "*.cs").ToDictionary(
            f => Path.GetFileName(f),
            f => ModelId().Replace(File.ReadAllText(f).ReplaceLineEndings("\n"), "modelId: new Guid(\"…\")"));

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]+"\)""")]
    private static partial Regex ModelId();
}
