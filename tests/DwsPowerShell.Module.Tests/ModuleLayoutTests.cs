using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// The module as the build lays it out (src/DwsPowerShell/ModuleLayout.targets) and PowerShell loads it:
/// one build per PowerShell, the same cmdlets in each, dependencies PowerShell 7.4 can load.
/// </summary>
public class ModuleLayoutTests
{
    private static readonly string Layout = ModuleMetadata.LayoutDirectory;

    private static string Bin(string build) => Path.Combine(Layout, "bin", build);

    private static IEnumerable<string> Assemblies(string build) =>
        Directory.GetFiles(Bin(build), "*.dll", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Bin(build), f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);

    [Fact]
    public void Layout_has_the_manifest_its_loader_and_a_build_for_each_PowerShell()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(M.RepositoryRoot, "DwsPowerShell.psd1")), File.ReadAllText(Path.Combine(Layout, "DwsPowerShell.psd1")));
        Assert.Matches(@"RootModule\s*=\s*'DwsPowerShell\.psm1'", File.ReadAllText(Path.Combine(Layout, "DwsPowerShell.psd1")));
        foreach (var format in ManifestTests.ListValue("FormatsToProcess")) Assert.True(File.Exists(Path.Combine(Layout, format)), format);

        var builds = Directory.GetDirectories(Path.Combine(Layout, "bin")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "net8.0", "netstandard2.0" }, builds);
        foreach (var build in builds)
        {
            Assert.True(File.Exists(Path.Combine(Bin(build!), "DwsPowerShell.dll")), build);
            Assert.True(File.Exists(Path.Combine(Bin(build!), "DwsPowerShell.Client.dll")), build);
        }
    }

    [Fact]
    public void The_loader_picks_a_build_by_edition_and_refuses_PowerShell_before_7_4()
    {
        var loader = File.ReadAllText(Path.Combine(Layout, "DwsPowerShell.psm1"));
        Assert.Matches(@"\$build = if \(\$PSEdition -eq 'Core'\) \{ 'net8\.0' \} else \{ 'netstandard2\.0' \}", loader);
        Assert.Contains("Join-Path $PSScriptRoot \"bin/$build/DwsPowerShell.dll\"", loader);
        Assert.Matches(@"\$PSEdition -eq 'Core' -and \$PSVersionTable\.PSVersion -lt \[version\]'7\.4'", loader);
    }

    [Fact]
    public void Every_build_exports_the_same_cmdlets_with_the_same_parameters()
    {
        var expected = Surface(M);
        using var core = ModuleMetadata.LoadBuild("net8.0");
        Assert.Equal(expected, Surface(core));
    }

    [Fact]
    public void PowerShell7_builds_ship_RestSharp_and_Polly_and_take_everything_else_from_dotnet8()
    {
        var net8 = DotNet8Framework();
        foreach (var build in new[] { "net8.0" })
        {
            var files = Assemblies(build).ToList();
            Assert.Equal(new[] { "Dependencies/Polly.Core.dll", "Dependencies/RestSharp.dll", "DwsPowerShell.Client.dll", "DwsPowerShell.dll" }, files);
            var carried = files.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var reference in References(Path.Combine(Bin(build), file)))
                {
                    if (net8.TryGetValue(reference.Name!, out var available))
                    {
                        // PowerShell 7.4 runs on .NET 8: a framework assembly newer than .NET 8's cannot load there.
                        Assert.True(reference.Version <= available, $"{build}/{file} needs {reference.Name} {reference.Version}; .NET 8 has {available}");
                    }
                    else
                    {
                        Assert.True(reference.Name is "System.Management.Automation" || carried.Contains(reference.Name!),
                            $"{build}/{file} needs {reference.Name}, which neither .NET 8 nor the module has");
                    }
                }
            }
        }
    }

    [Fact]
    public void Cmdlets_reach_third_party_code_only_through_the_client()
    {
        // RestSharp and Polly live in a private load context on PowerShell 7: a cmdlet that named their types
        // directly would load them in the default context (ModuleInitializer, DependencyLoadContext).
        foreach (var build in new[] { "net8.0", "netstandard2.0" })
        {
            var names = References(Path.Combine(Bin(build), "DwsPowerShell.dll")).Select(r => r.Name).ToList();
            Assert.DoesNotContain("RestSharp", names);
            Assert.DoesNotContain("Polly.Core", names);
            Assert.Contains("DwsPowerShell.Client", names);
        }
    }

    [Fact]
    public void Windows_PowerShell_build_carries_what_dotnet_framework_lacks()
    {
        var files = Assemblies("netstandard2.0").ToList();
        foreach (var needed in new[] { "Dependencies/System.Text.Json.dll", "Dependencies/RestSharp.dll", "Dependencies/Polly.Core.dll", "Dependencies/Microsoft.Bcl.AsyncInterfaces.dll" })
        {
            Assert.Contains(needed, files);
        }
        Assert.DoesNotContain(files, f => f.StartsWith("Dependencies/DwsPowerShell", StringComparison.Ordinal));

        // The loader declines a copy older than the version asked for (DependencyLoadContext.Resolve).
        var carried = files.Where(f => f.StartsWith("Dependencies/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => AssemblyName.GetAssemblyName(Path.Combine(Bin("netstandard2.0"), f)).Version!);
        foreach (var file in files)
        {
            foreach (var reference in References(Path.Combine(Bin("netstandard2.0"), file)))
            {
                if (carried.TryGetValue(reference.Name!, out var version)) Assert.True(version >= reference.Version, $"{file} needs {reference.Name} {reference.Version}; the module carries {version}");
            }
        }
    }

    private static ModuleMetadata M => ModuleMetadata.Instance;

    private static IReadOnlyList<string> Surface(ModuleMetadata module) => module.Cmdlets
        .SelectMany(c => module.Parameters(c).Select(p =>
            $"{c.Name} -{p.Name} [{p.Property.PropertyType.FullName}] sets={string.Join(",", p.Sets.Order(StringComparer.Ordinal))} mandatory={p.Mandatory} pipeline={p.ByValue}/{p.ByPropertyName}"))
        .Order(StringComparer.Ordinal)
        .ToList();

    private static IReadOnlyList<AssemblyName> References(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }

    /// <summary>The assemblies of the .NET 8 shared framework, with their versions (from the targeting pack the net8.0 build used).</summary>
    private static Dictionary<string, Version> DotNet8Framework()
    {
        var runtime = Path.GetDirectoryName(ModuleMetadata.FindPackageFile("microsoft.netcore.app.ref",
            Path.Combine("ref", "net8.0", "System.Runtime.dll")))!;
        return Directory.GetFiles(runtime, "*.dll").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => AssemblyName.GetAssemblyName(f).Version!,
            StringComparer.Ordinal);
    }
}
