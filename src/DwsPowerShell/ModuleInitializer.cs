using System.Management.Automation;
using System.Reflection;

namespace DwsPowerShell;

/// <summary>
/// Third-party assemblies (RestSharp, Polly, System.Text.Json...) ship in a Dependencies folder
/// that PowerShell's default probing never looks in (STYLE.md 9), so another module's copy is not
/// picked up by accident and ours is found only when the DWS assemblies ask for it.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string s_dependencies = Path.Combine(
        Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name is null) return null;
        var path = Path.Combine(s_dependencies, name + ".dll");
        if (!File.Exists(path)) return null;
        // Only our own assemblies get the private copies.
        var requester = args.RequestingAssembly?.GetName().Name;
        if (requester is not null && !requester.StartsWith("DwsPowerShell", StringComparison.Ordinal) && !IsPrivate(requester)) return null;
        return Assembly.LoadFrom(path);
    }

    private static bool IsPrivate(string assemblyName) => File.Exists(Path.Combine(s_dependencies, assemblyName + ".dll"));
}
