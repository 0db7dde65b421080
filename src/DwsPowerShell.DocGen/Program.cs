using DwsPowerShell.DocGen;

// Two jobs, one source (the built module's metadata and XML doc comments, read by CommandHelpReader):
//
//   dotnet run --project src/DwsPowerShell.DocGen [-- --check]
//       writes docs/en-US/<Cmdlet>.md from the module build in src/DwsPowerShell/bin/<Configuration>/netstandard2.0
//       (build the module first); --check only lists stale pages.
//
//   DwsPowerShell.DocGen --help-files <folder> --module <build folder> --about <about_X.help.md> [--automation <SMA dll>]
//       writes <folder>/DwsPowerShell.dll-Help.xml (MAML) and <folder>/about_X.help.txt: the module build runs
//       this on every layout (src/DwsPowerShell/ModuleLayout.targets).
try
{
    return Option("--help-files") is { } helpFolder ? WriteHelpFiles(helpFolder) : WritePages(args.Contains("--check"));
}
catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or FormatException)
{
    Console.Error.WriteLine("DwsPowerShell.DocGen: " + ex.Message);
    return 2;
}

int WriteHelpFiles(string folder)
{
    var moduleDirectory = Option("--module") ?? throw new ArgumentException("--module <folder with DwsPowerShell.dll and DwsPowerShell.xml> is required with --help-files.");
    var about = Option("--about") ?? throw new ArgumentException("--about <about topic markdown> is required with --help-files.");
    using var module = ModuleMetadata.Load(moduleDirectory, Option("--automation"));
    var commands = new CommandHelpReader(module, new HelpSource(module.DocumentationPath)).ReadAll();
    Directory.CreateDirectory(folder);
    File.WriteAllText(Path.Combine(folder, MamlWriter.FileName), MamlWriter.ToText(MamlWriter.Write(commands)));
    File.WriteAllText(Path.Combine(folder, AboutTopicWriter.TextFileName(about)), AboutTopicWriter.Write(File.ReadAllText(about)));
    Console.WriteLine($"DwsPowerShell.DocGen: {MamlWriter.FileName} ({commands.Count} cmdlets) and {AboutTopicWriter.TextFileName(about)} -> {folder}");
    return 0;
}

int WritePages(bool check)
{
    var module = ModuleMetadata.Instance;
    var sources = Path.Combine(module.RepositoryRoot, "src", "DwsPowerShell");
    var newest = Directory.GetFiles(sources, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Max(File.GetLastWriteTimeUtc);
    if (File.GetLastWriteTimeUtc(module.DocumentationPath) < newest)
    {
        Console.Error.WriteLine($"DwsPowerShell.DocGen: {module.DocumentationPath} is older than the sources in {sources}; build first: dotnet build src/DwsPowerShell -c {ModuleMetadata.Configuration}");
        return 2;
    }

    var reader = new CommandHelpReader(module, new HelpSource(module.DocumentationPath));
    var folder = Path.Combine(module.RepositoryRoot, "docs", "en-US");
    Directory.CreateDirectory(folder);
    var stale = 0;
    foreach (var help in reader.ReadAll())
    {
        var path = Path.Combine(folder, help.Name + ".md");
        var page = HelpPageWriter.Write(help);
        if (File.Exists(path) && File.ReadAllText(path) == page) continue;
        stale++;
        if (check) Console.WriteLine($"stale: {path}");
        else
        {
            File.WriteAllText(path, page);
            Console.WriteLine($"wrote {path}");
        }
    }
    Console.WriteLine($"{module.Cmdlets.Count} cmdlets, {stale} page(s) {(check ? "stale" : "written")}");
    return check && stale > 0 ? 1 : 0;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    if (i < 0) return null;
    return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
}
