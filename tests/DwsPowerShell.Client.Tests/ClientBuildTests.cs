using System.Reflection;
using System.Runtime.Versioning;

namespace DwsPowerShell.Client.Tests;

/// <summary>
/// These sources run twice: against the client's net8.0 build (this project) and its netstandard2.0 build, the one the
/// PowerShell module ships (DwsPowerShell.Client.Tests.NetStandard). This checks each run tests the build it claims to.
/// </summary>
public class ClientBuildTests
{
    [Fact]
    public void The_client_build_under_test_is_the_one_this_project_claims()
    {
        var framework = typeof(DwsSession).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
#if CLIENT_NETSTANDARD
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v8.0", framework);
#endif
    }
}
