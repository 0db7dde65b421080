using DwsPowerShell.DocGen;

// Writes docs/en-US/<Cmdlet>.md for every cmdlet of the built module; --check only reports stale pages.
var check = args.Contains("--check");
var module = ModuleMetadata.Instance;
var help = new HelpSource(Path.Combine(module.ModuleDirectory, "DwsPowerShell.xml"));
var writer = new HelpPageWriter(module, help);
var folder = Path.Combine(module.RepositoryRoot, "docs", "en-US");
Directory.CreateDirectory(folder);
var stale = 0;
foreach (var cmdlet in module.Cmdlets)
{
    var path = Path.Combine(folder, cmdlet.Name + ".md");
    var page = writer.Write(cmdlet);
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
