namespace DwsPowerShell.IntegrationTests.Coverage;

/// <summary>One row of the API catalogue (tests/Fixtures/operations.tsv) joined with its proposed cmdlet (cmdlet-map.tsv).</summary>
public sealed record ApiOperation(string Section, string Group, string Title, string Method, string Path, string Cmdlet)
{
    private static readonly Lazy<IReadOnlyList<ApiOperation>> s_all = new(Load);

    public static IReadOnlyList<ApiOperation> All => s_all.Value;

    public override string ToString() => $"{Section} {Method} {Path}";

    private static IReadOnlyList<ApiOperation> Load()
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var cmdlets = File.ReadAllLines(System.IO.Path.Combine(folder, "cmdlet-map.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => f[3], StringComparer.Ordinal);
        return File.ReadAllLines(System.IO.Path.Combine(folder, "operations.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Select(f => new ApiOperation(f[0], f[1], f[2], f[3], f[4], cmdlets[f[0]]))
            .ToList();
    }
}
