using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// The module as the build lays it out (src/DwsPowerShell/ModuleLayout.targets) and PowerShell loads it:
/// one build per PowerShell, the same cmdlets in each, dependencies PowerShell 7.4 can load.
/// </summary>
public class ModuleLayoutTests
{
    private static readonly string Layout = ModuleMetadata.LayoutDirectory;

    /// <summary>ReadyToRun images carry the target OS in the PE machine field (the architecture XOR an OS value).</summary>
    public static TheoryData<string, ushort> NativeBuilds => new()
    {
        { "net8.0-win-x64", 0x8664 },
        { "net8.0-linux-x64", 0x8664 ^ 0x7B79 },
    };

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
        Assert.Equal(new[] { "net8.0", "net8.0-linux-x64", "net8.0-win-x64", "netstandard2.0" }, builds);
        foreach (var build in builds)
        {
            Assert.True(File.Exists(Path.Combine(Bin(build!), "DwsPowerShell.dll")), build);
            Assert.True(File.Exists(Path.Combine(Bin(build!), "DwsPowerShell.Client.dll")), build);
        }
    }

    [Fact]
    public void The_loader_names_every_build_it_can_pick()
    {
        var loader = File.ReadAllText(Path.Combine(Layout, "DwsPowerShell.psm1"));
        Assert.Contains("'netstandard2.0'", loader);
        Assert.Contains("'net8.0'", loader);
        // Native builds are found by name: net8.0-<os>-<arch>, os from $IsWindows/$IsLinux/$IsMacOS.
        Assert.Matches(@"""net8\.0-\$os-\$arch""", loader);
        foreach (var os in new[] { "win", "linux", "osx" }) Assert.Contains($"'{os}'", loader);
        Assert.Matches(@"PSVersion -lt \[version\]'7\.4'", loader);
    }

    [Fact]
    public void Every_build_exports_the_same_cmdlets_with_the_same_parameters()
    {
        var expected = Surface(M);
        foreach (var build in new[] { "net8.0", "net8.0-win-x64", "net8.0-linux-x64" })
        {
            using var other = ModuleMetadata.LoadBuild(build);
            Assert.Equal(expected, Surface(other));
        }
    }

    [Fact]
    public void PowerShell7_builds_ship_RestSharp_and_Polly_and_take_everything_else_from_dotnet8()
    {
        var net8 = DotNet8Framework();
        foreach (var build in new[] { "net8.0", "net8.0-win-x64", "net8.0-linux-x64" })
        {
            Assert.Equal(new[] { "Dependencies/Polly.Core.dll", "Dependencies/RestSharp.dll", "DwsPowerShell.Client.dll", "DwsPowerShell.dll" }, Assemblies(build));
            foreach (var file in Assemblies(build))
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
                        Assert.True(reference.Name is "System.Management.Automation" || Assemblies(build).Any(a => Path.GetFileNameWithoutExtension(a) == reference.Name),
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

    [Theory]
    [MemberData(nameof(NativeBuilds))]
    public void Native_builds_are_the_portable_build_compiled_ahead_of_time(string build, ushort machine)
    {
        foreach (var file in Assemblies("net8.0"))
        {
            using var portable = new PEReader(File.OpenRead(Path.Combine(Bin("net8.0"), file)));
            using var native = new PEReader(File.OpenRead(Path.Combine(Bin(build), file)));
            Assert.Equal(0, portable.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
            Assert.True(native.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{build}/{file} is not a ReadyToRun image");
            Assert.Equal(machine, (ushort)native.PEHeaders.CoffHeader.Machine);
            // Same IL: crossgen keeps the module ID. The cmdlet assembly itself is compiled once per platform (its
            // publish is the RID-specific one), so for it the identical surface (the test above) is the check.
            if (file != "DwsPowerShell.dll") Assert.True(Mvid(portable) == Mvid(native), $"{build}/{file} was not compiled from the portable build's IL");
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

    private static Guid Mvid(PEReader pe)
    {
        var reader = pe.GetMetadataReader();
        return reader.GetGuid(reader.GetModuleDefinition().Mvid);
    }

    /// <summary>The assemblies of the .NET 8 shared framework (from the runtime pack restore fetched for ReadyToRun).</summary>
    private static Dictionary<string, Version> DotNet8Framework()
    {
        var runtime = Path.GetDirectoryName(ModuleMetadata.FindPackageFile("microsoft.netcore.app.runtime.linux-x64",
            Path.Combine("runtimes", "linux-x64", "lib", "net8.0", "System.Runtime.dll")))!;
        return Directory.GetFiles(runtime, "*.dll").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => AssemblyName.GetAssemblyName(f).Version!,
            StringComparer.Ordinal);
    }
}
