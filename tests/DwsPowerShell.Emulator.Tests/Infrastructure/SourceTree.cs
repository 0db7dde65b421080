namespace DwsPowerShell.Emulator.Tests.Infrastructure;

/// <summary>The repository's source files, for tests that read code (found from the test binary up to DwsPowerShell.sln).</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DwsPowerShell.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("DwsPowerShell.sln is not above " + AppContext.BaseDirectory);
    }
}
