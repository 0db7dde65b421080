using System.Reflection;
using System.Runtime.Loader;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Module.Tests;

/// <summary>
/// The loader PowerShell 7 uses for RestSharp and Polly, against the laid-out module's Dependencies folders:
/// our assemblies ask and get private copies; nobody else does.
/// </summary>
public class DependencyLoadContextTests
{
    private static string Dependencies(string build) => Path.Combine(ModuleMetadata.LayoutDirectory, "bin", build, "Dependencies");

    [Fact]
    public void The_client_gets_RestSharp_from_the_module_in_a_private_context_and_it_runs()
    {
        var loader = new DependencyLoadContext(Dependencies("net8.0"));
        var restSharp = loader.Resolve("DwsPowerShell.Client", new AssemblyName("RestSharp"));

        Assert.NotNull(restSharp);
        Assert.Same(loader, AssemblyLoadContext.GetLoadContext(restSharp));
        Assert.Equal(Path.Combine(Dependencies("net8.0"), "RestSharp.dll"), restSharp!.Location);
        // Its code runs, and what it needs from the framework (System.Text.Json) comes from the default context.
        var options = Activator.CreateInstance(restSharp.GetType("RestSharp.RestClientOptions", throwOnError: true)!, "http://127.0.0.1:1/")!;
        Assert.Equal(new Uri("http://127.0.0.1:1/"), options.GetType().GetProperty("BaseUrl")!.GetValue(options));
        var json = loader.LoadFromAssemblyName(new AssemblyName("System.Text.Json"));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));
    }

    [Fact]
    public void Another_modules_copy_in_another_context_is_never_shared_with_ours()
    {
        // Another module's RestSharp, loaded first in its own context (on PowerShell 7 it could be the default one).
        var other = new AssemblyLoadContext("other-module", isCollectible: true);
        try
        {
            var theirs = other.LoadFromAssemblyPath(Path.Combine(Dependencies("net8.0"), "RestSharp.dll"));
            var loader = new DependencyLoadContext(Dependencies("net8.0"));
            var ours = loader.Resolve("DwsPowerShell.Client", new AssemblyName("RestSharp"));

            Assert.NotSame(theirs, ours);
            Assert.NotSame(theirs.GetType("RestSharp.RestClient"), ours!.GetType("RestSharp.RestClient"));
        }
        finally
        {
            other.Unload();
        }
    }

    [Fact]
    public void Requests_from_other_assemblies_are_not_answered()
    {
        var loader = new DependencyLoadContext(Dependencies("net8.0"));

        Assert.Null(loader.Resolve("Some.Other.Module", new AssemblyName("RestSharp")));
        Assert.Empty(loader.Assemblies);
    }

    [Fact]
    public void Polly_asked_for_by_RestSharp_or_by_name_alone_comes_from_the_module()
    {
        var loader = new DependencyLoadContext(Dependencies("net8.0"));

        // A dependency asking for another dependency, and a Type.GetType-style request with no requester.
        Assert.Same(loader, AssemblyLoadContext.GetLoadContext(loader.Resolve("RestSharp", new AssemblyName("Polly.Core"))!));
        Assert.Same(loader, AssemblyLoadContext.GetLoadContext(loader.Resolve(null, new AssemblyName("RestSharp"))!));
    }

    [Theory]
    [InlineData("System.Text.Json")]
    [InlineData("DwsPowerShell.Client")]
    [InlineData("../net8.0/Dependencies/RestSharp")]
    [InlineData("..")]
    [InlineData("")]
    public void Names_the_module_does_not_carry_are_left_to_the_runtime(string name)
    {
        var loader = new DependencyLoadContext(Dependencies("net8.0"));

        Assert.Null(loader.PathOf(new AssemblyName { Name = name }));
        Assert.Null(loader.Resolve("DwsPowerShell.Client", new AssemblyName { Name = name }));
    }

    [Fact]
    public void A_request_for_a_newer_version_than_the_module_carries_is_declined_not_thrown()
    {
        var loader = new DependencyLoadContext(Dependencies("net8.0"));

        Assert.Null(loader.Resolve(null, new AssemblyName("RestSharp, Version=999.0.0.0")));
    }
}
