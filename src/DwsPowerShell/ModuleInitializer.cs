using System.Management.Automation;
using System.Reflection;
using DwsPowerShell.Internal;

namespace DwsPowerShell;

/// <summary>
/// Hooks <see cref="DependencyLoadContext"/> into assembly resolution while the module is imported: the module's
/// RestSharp, Polly (and, for Windows PowerShell, System.Text.Json...) come from its Dependencies folder.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly DependencyLoadContext s_dependencies = new(Path.Combine(
        Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies"));

    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        s_dependencies.Resolve(args.RequestingAssembly?.GetName().Name, new AssemblyName(args.Name));
}
