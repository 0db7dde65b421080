using System.Reflection;
#if NET8_0_OR_GREATER
using System.Runtime.Loader;
#endif

namespace DwsPowerShell.Internal;

/// <summary>
/// Finds the module's third-party assemblies (RestSharp, Polly...) in its <c>Dependencies/</c> folder, which
/// PowerShell's default probing never looks in (STYLE.md 9), and only for the module's own assemblies: a request
/// from another module is never answered with our copies.
/// PowerShell 7 (net8.0 build): they load into this private load context, so another module's RestSharp or Polly
/// in the default context never meets ours, whatever its version. Framework assemblies still come from the default
/// context, so the client shares PowerShell's System.Text.Json.
/// Windows PowerShell 5.1 (netstandard2.0 build) has no load contexts: they load with <c>Assembly.LoadFrom</c>.
/// </summary>
internal sealed class DependencyLoadContext
#if NET8_0_OR_GREATER
    : AssemblyLoadContext
#endif
{
    private readonly string _dependencies;

#if NET8_0_OR_GREATER
    internal DependencyLoadContext(string dependencies) : base("DwsPowerShell.Dependencies", isCollectible: false) => _dependencies = dependencies;
#else
    internal DependencyLoadContext(string dependencies) => _dependencies = dependencies;
#endif

    /// <summary>The file <paramref name="name"/> would load from, or null when it is not one of ours.</summary>
    internal string? PathOf(AssemblyName name)
    {
        if (string.IsNullOrEmpty(name.Name) || name.Name!.IndexOfAny(['/', '\\']) >= 0 || name.Name.Contains("..")) return null;
        var path = Path.Combine(_dependencies, name.Name + ".dll");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The answer to an assembly-resolve request for <paramref name="name"/> made by <paramref name="requester"/>
    /// (null when the runtime does not say): our copy for our own assemblies and for requests with no requester
    /// (Type.GetType by name), nothing for anyone else, and nothing when ours is older than the version asked for.
    /// </summary>
    internal Assembly? Resolve(string? requester, AssemblyName name)
    {
        if (requester is not null && !requester.StartsWith("DwsPowerShell", StringComparison.Ordinal) && PathOf(new AssemblyName(requester)) is null) return null;
        if (PathOf(name) is not { } path) return null;
        // An older copy than the one asked for would only fail later, with a missing method.
        if (name.Version is { } wanted && AssemblyName.GetAssemblyName(path).Version < wanted) return null;
#if NET8_0_OR_GREATER
        return LoadFromAssemblyName(name);
#else
        return Assembly.LoadFrom(path);
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>Our copies from Dependencies/; everything else (the framework) from the default context.</summary>
    protected override Assembly? Load(AssemblyName assemblyName) =>
        PathOf(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
#endif
}
