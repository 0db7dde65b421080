using System.Reflection;
using System.Xml.Linq;

namespace DwsPowerShell.Module.Tests;

public class FormatViewTests
{
    private static readonly ModuleMetadata M = ModuleMetadata.Instance;

    /// <summary>Every view of every format file the manifest lists.</summary>
    private static IEnumerable<XElement> Views => ManifestTests.ListValue("FormatsToProcess")
        .SelectMany(file => XDocument.Load(Path.Combine(M.RepositoryRoot, "src", "DwsPowerShell", file)).Descendants("View"));

    [Fact]
    public void Every_view_names_an_existing_type_and_existing_properties()
    {
        var client = ClientAssembly();
        foreach (var view in Views)
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            var type = M.Module.GetType(typeName) ?? client.GetType(typeName);
            Assert.True(type is not null, $"format view {view.Element("Name")!.Value} names {typeName}, which does not exist");
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(type!.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is not null, $"{typeName} has no public property {property} (view {view.Element("Name")!.Value})");
            }
        }
    }

    [Fact]
    public void No_type_has_two_views()
    {
        var duplicated = Views.GroupBy(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value + "|" + v.Descendants().First(d => d.Name.LocalName.EndsWith("Control", StringComparison.Ordinal)).Name.LocalName)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicated);
    }

    [Fact]
    public void Every_cmdlet_output_type_from_the_module_has_a_table_view()
    {
        var viewed = Views.SelectMany(v => v.Descendants("TypeName")).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var outputs = M.Cmdlets.SelectMany(c => M.OutputTypes(c)).Where(t => t.Namespace?.StartsWith("DwsPowerShell", StringComparison.Ordinal) == true).Select(t => t.FullName!).Distinct();
        foreach (var type in outputs) Assert.Contains(type, viewed);
    }

    private static Assembly ClientAssembly() =>
        M.Cmdlets.SelectMany(c => M.OutputTypes(c)).Select(t => t.Assembly).First(a => a.GetName().Name == "DwsPowerShell.Client");
}
