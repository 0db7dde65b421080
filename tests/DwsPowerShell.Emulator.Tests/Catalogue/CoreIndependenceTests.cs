using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Catalogue;

/// <summary>The emulator's core (Core/) names no area: areas plug in through IEmulatorArea.</summary>
public sealed class CoreIndependenceTests
{
    [Fact]
    public void No_core_file_uses_or_names_an_area()
    {
        var files = SourceTree.Files("src/DwsPowerShell.Emulator/Core").ToList();
        Assert.NotEmpty(files);
        var offenders = files.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: SourceTree.Relative(f), Line: i + 1, Text: line.Trim())))
            .Where(l => Regex.IsMatch(l.Text, @"\bAreas\.", RegexOptions.CultureInvariant))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_area_folder_has_an_area_class()
    {
        var folders = Directory.GetDirectories(Path.Combine(SourceTree.Root, "src/DwsPowerShell.Emulator/Areas")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var areas = Core.EmulatorAreas.All.Select(a => a.GetType().Namespace!.Split('.').Last()).Order(StringComparer.Ordinal);
        Assert.Equal(folders, areas);
    }
}
