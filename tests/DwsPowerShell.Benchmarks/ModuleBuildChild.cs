using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// The client as PowerShell 7 runs it from the module layout (src/DwsPowerShell/ModuleLayout.targets): the
/// layout's DwsPowerShell.Client.dll, with RestSharp and Polly from its Dependencies folder in the module's
/// private load context (the module's own DependencyLoadContext). This process's copy of the client is not used.
/// </summary>
internal sealed class ModuleBuildChild : AssemblyLoadContext
{
    private readonly string _bin;
    private readonly DependencyLoadContext _dependencies;

    private ModuleBuildChild(string bin) : base("module-build")
    {
        _bin = bin;
        _dependencies = new DependencyLoadContext(Path.Combine(bin, "Dependencies"));
    }

    protected override Assembly? Load(AssemblyName name) => name.Name == "DwsPowerShell.Client"
        ? LoadFromAssemblyPath(Path.Combine(_bin, "DwsPowerShell.Client.dll"))
        : _dependencies.Resolve("DwsPowerShell.Client", name);

    /// <summary>Creates a session from the layout's client and lists clusters once; returns (ms to session, ms to answer, count).</summary>
    public static async Task<(double Constructed, double Answered, int Count)> ListClustersAsync(string bin, Uri endpoint, System.Diagnostics.Stopwatch watch)
    {
        var client = new ModuleBuildChild(bin).LoadFromAssemblyName(new AssemblyName("DwsPowerShell.Client"));
        var optionsType = client.GetType("DwsPowerShell.Client.DwsSessionOptions", throwOnError: true)!;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("Endpoint")!.SetValue(options, endpoint);
        optionsType.GetProperty("Region")!.SetValue(options, "eu-west-101");
        optionsType.GetProperty("ProjectId")!.SetValue(options, "emulator0project0000000000000001");
        var credentials = Activator.CreateInstance(client.GetType("DwsPowerShell.Client.Auth.AccessKeyCredentials", throwOnError: true)!,
            "EMULATORACCESSKEY001", "emulator-secret-key-do-not-use-in-production", null, "parameters");
        optionsType.GetProperty("Credentials")!.SetValue(options, credentials);

        using var session = (IDisposable)Activator.CreateInstance(client.GetType("DwsPowerShell.Client.DwsSession", throwOnError: true)!, options)!;
        var constructed = watch.Elapsed.TotalMilliseconds;
        var clusters = session.GetType().GetProperty("Clusters")!.GetValue(session)!;
        var list = (Task)clusters.GetType().GetMethod("ListAsync", [typeof(CancellationToken)])!.Invoke(clusters, [CancellationToken.None])!;
        await list;
        var answered = watch.Elapsed.TotalMilliseconds;
        var count = ((IEnumerable)list.GetType().GetProperty("Result")!.GetValue(list)!).Cast<object>().Count();
        return (constructed, answered, count);
    }
}
