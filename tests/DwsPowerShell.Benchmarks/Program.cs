using BenchmarkDotNet.Running;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/DwsPowerShell.Benchmarks -- --filter '*'     BenchmarkDotNet (signing, request overhead)
/// dotnet run -c Release --project tests/DwsPowerShell.Benchmarks -- scale           paging 10k / 100k snapshots
/// dotnet run -c Release --project tests/DwsPowerShell.Benchmarks -- wait            1,000 jobs in one JobsApi.WaitAsync
/// dotnet run -c Release --project tests/DwsPowerShell.Benchmarks -- coldstart [N]   fresh process to first answer
/// dotnet run -c Release --project tests/DwsPowerShell.Benchmarks -- hostile         memory one hostile answer costs (gzip bomb, endless body...)
/// dotnet run -c Release --project tests/DwsPowerShell.Benchmarks -- hostile-emulator [N] [MB] emulator memory under oversized uploads
/// dotnet run -c Release --project tests/DwsPowerShell.Benchmarks -- state-file [N]  time a change takes with --state-file (written before each answer)
/// (serve, coldstart-child and hostile-child are the child processes the modes above start.)
/// </summary>
internal static class BenchmarkProgram
{
    public const string AssemblyVariable = "DWS_BENCHMARKS_DLL";

    /// <summary>
    /// This assembly where it was built, next to its runtimeconfig. BenchmarkDotNet runs benchmarks from a
    /// generated copy of it; the environment variable keeps the real path for starting the emulator child.
    /// </summary>
    public static string AssemblyPath => Environment.GetEnvironmentVariable(AssemblyVariable) ?? typeof(BenchmarkProgram).Assembly.Location;

    public static async Task<int> Main(string[] args)
    {
        if (Environment.GetEnvironmentVariable(AssemblyVariable) is null)
        {
            Environment.SetEnvironmentVariable(AssemblyVariable, typeof(BenchmarkProgram).Assembly.Location);
        }
        switch (args.FirstOrDefault())
        {
            case "serve": return await EmulatorChild.ServeAsync(args);
            case "scale": return await ScaleMode.RunAsync(args);
            case "wait": return await WaitMode.RunAsync(args);
            case "coldstart": return await ColdStartMode.RunAsync(args);
            case "coldstart-child": return await ColdStartMode.ChildAsync(args);
            case "hostile": return await HostileAnswerMode.RunAsync(args);
            case "hostile-child": return await HostileAnswerMode.ChildAsync(args);
            case "hostile-emulator": return await HostileEmulatorMode.RunAsync(args);
            case "state-file": return await StateFileMode.RunAsync(args);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                return 0;
        }
    }
}
