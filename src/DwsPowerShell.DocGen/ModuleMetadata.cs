using System.Reflection;
using System.Runtime.InteropServices;

namespace DwsPowerShell.DocGen;

/// <summary>Named arguments of attributes read by metadata ([Parameter(Mandatory = true)]).</summary>
public static class AttributeArguments
{
    public static T? Named<T>(CustomAttributeData attribute, string name)
    {
        foreach (var a in attribute.NamedArguments)
        {
            if (a.MemberName == name) return (T?)a.TypedValue.Value;
        }
        return default;
    }
}

/// <summary>A cmdlet class as its metadata describes it.</summary>
public sealed record CmdletInfo(Type Type, string Verb, string Noun, CustomAttributeData Attribute)
{
    public string Name => $"{Verb}-{Noun}";

    public T? Named<T>(string name) => Attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

    public bool SupportsShouldProcess => Named<bool>("SupportsShouldProcess");

    public bool SupportsPaging => Named<bool>("SupportsPaging");

    /// <summary>ConfirmImpact as its enum name (Medium when not set).</summary>
    public string ConfirmImpact
    {
        get
        {
            var value = Attribute.NamedArguments.Where(a => a.MemberName == "ConfirmImpact").Select(a => (int?)Convert.ToInt32(a.TypedValue.Value)).FirstOrDefault();
            return value switch { null => "Medium", 0 => "None", 1 => "Low", 2 => "Medium", 3 => "High", _ => value.ToString()! };
        }
    }

    public override string ToString() => Name;
}

/// <summary>A cmdlet parameter: one property, with its [Parameter] attributes (one per parameter set).</summary>
public sealed record ParameterInfo(PropertyInfo Property, IReadOnlyList<CustomAttributeData> ParameterAttributes, IReadOnlyList<string> Aliases)
{
    public string Name => Property.Name;

    public IEnumerable<string> Sets => ParameterAttributes.Select(a => a.NamedArguments.Where(n => n.MemberName == "ParameterSetName").Select(n => (string)n.TypedValue.Value!).FirstOrDefault() ?? "__AllParameterSets");

    public bool ByPropertyName => ParameterAttributes.Any(a => a.NamedArguments.Any(n => n.MemberName == "ValueFromPipelineByPropertyName" && (bool)n.TypedValue.Value!));

    public bool ByValue => ParameterAttributes.Any(a => a.NamedArguments.Any(n => n.MemberName == "ValueFromPipeline" && (bool)n.TypedValue.Value!));

    public bool Mandatory => ParameterAttributes.Any(a => a.NamedArguments.Any(n => n.MemberName == "Mandatory" && (bool)n.TypedValue.Value!));

    public IEnumerable<string> NamesAndAliases => new[] { Name }.Concat(Aliases);

    public bool SupportsWildcards => Property.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.Management.Automation.SupportsWildcardsAttribute");

    /// <summary>The values [ValidateSet] allows, or the names of an enum type; empty when any value goes.</summary>
    public IReadOnlyList<string> AcceptedValues
    {
        get
        {
            var validateSet = Property.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.ValidateSetAttribute");
            if (validateSet is not null)
            {
                return validateSet.ConstructorArguments
                    .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                    .OfType<string>()
                    .ToList();
            }
            var type = Property.PropertyType;
            if (type.IsArray) type = type.GetElementType()!;
            if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1") type = type.GetGenericArguments()[0];
            return type.IsEnum ? type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList() : Array.Empty<string>();
        }
    }
}

/// <summary>
/// Loads the built cmdlet assembly with MetadataLoadContext (never executes it: there is no
/// PowerShell host on the build machines) and describes its cmdlets.
/// </summary>
public sealed class ModuleMetadata : IDisposable
{
    private static readonly Lazy<ModuleMetadata> s_instance = new(() =>
        new ModuleMetadata(Path.Combine(FindRepositoryRoot(), "src", "DwsPowerShell", "bin", Configuration, "netstandard2.0"), null));

    /// <summary>The netstandard2.0 build (the one Windows PowerShell loads) in its build output, beside its XML doc file.</summary>
    public static ModuleMetadata Instance => s_instance.Value;

    /// <summary>The module as PowerShell loads it (src/DwsPowerShell/ModuleLayout.targets): psd1, psm1, Formats/, bin/&lt;build&gt;/.</summary>
    public static string LayoutDirectory => Path.Combine(FindRepositoryRoot(), "src", "DwsPowerShell", "bin", Configuration, "module", "DwsPowerShell");

    /// <summary>One bin folder of the laid-out module (bin/net8.0, bin/netstandard2.0), with its Dependencies folder.</summary>
    public static ModuleMetadata LoadBuild(string binFolder) => new(Path.Combine(LayoutDirectory, "bin", binFolder), null);

    /// <summary>
    /// The build in <paramref name="moduleDirectory"/> (DwsPowerShell.dll and what it references, flat or under Dependencies/),
    /// read against <paramref name="automationPath"/> (PowerShellStandard.Library's System.Management.Automation; looked up in the NuGet cache when null).
    /// </summary>
    public static ModuleMetadata Load(string moduleDirectory, string? automationPath) => new(moduleDirectory, automationPath);

    private readonly MetadataLoadContext _context;
    private readonly Lazy<string> _repositoryRoot = new(FindRepositoryRoot);

    private ModuleMetadata(string moduleDirectory, string? automationPath)
    {
        ModuleDirectory = moduleDirectory;
        var modulePath = Path.Combine(ModuleDirectory, "DwsPowerShell.dll");
        if (!File.Exists(modulePath)) throw new FileNotFoundException($"Build the module first: {modulePath} is missing.");

        if (automationPath is not null && !File.Exists(automationPath)) throw new FileNotFoundException($"System.Management.Automation is not at {automationPath}.");
        var sma = automationPath ?? FindPackageFile("powershellstandard.library", Path.Combine("lib", "netstandard2.0", "System.Management.Automation.dll"));
        var dependencies = Path.Combine(ModuleDirectory, "Dependencies");
        var paths = Directory.GetFiles(ModuleDirectory, "*.dll")
            .Concat(Directory.Exists(dependencies) ? Directory.GetFiles(dependencies, "*.dll") : [])
            .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            .Append(sma)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
        Module = _context.LoadFromAssemblyPath(modulePath);
        Automation = _context.LoadFromAssemblyPath(sma);
        Cmdlets = Module.GetTypes()
            .Select(t => (Type: t, Attr: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute")))
            .Where(x => x.Attr is not null)
            .Select(x => new CmdletInfo(x.Type, (string)x.Attr!.ConstructorArguments[0].Value!, (string)x.Attr.ConstructorArguments[1].Value!, x.Attr))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The checkout this tool runs from (the folder holding DwsPowerShell.sln).</summary>
    public string RepositoryRoot => _repositoryRoot.Value;

    /// <summary>The XML doc file the compiler wrote beside the module.</summary>
    public string DocumentationPath => Path.Combine(ModuleDirectory, "DwsPowerShell.xml");

    public string ModuleDirectory { get; }

    public Assembly Module { get; }

    public Assembly Automation { get; }

    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    /// <summary>PowerShell's approved verbs, read from the Verbs* classes of System.Management.Automation.</summary>
    public IReadOnlySet<string> ApprovedVerbs => Automation.GetTypes()
        .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<ParameterInfo> Parameters(CmdletInfo cmdlet) => cmdlet.Type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, Attrs: p.GetCustomAttributesData()))
        .Select(x => new ParameterInfo(
            x.Property,
            x.Attrs.Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList(),
            x.Attrs.Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
                .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToList()))
        .Where(p => p.ParameterAttributes.Count > 0)
        .ToList();

    /// <summary>The types named in [OutputType(typeof(...))].</summary>
    public IReadOnlyList<Type> OutputTypes(CmdletInfo cmdlet) => cmdlet.Type.GetCustomAttributesData()
        .Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute")
        .SelectMany(a => a.ConstructorArguments)
        .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
        .OfType<Type>()
        .ToList();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DwsPowerShell.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("DwsPowerShell.sln not found above " + AppContext.BaseDirectory);
    }

    public static string FindPackageFile(string package, string relative)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var dir = Path.Combine(root, package);
        var file = Directory.Exists(dir) ? Directory.GetDirectories(dir).Select(v => Path.Combine(v, relative)).FirstOrDefault(File.Exists) : null;
        return file ?? throw new FileNotFoundException($"{package} is not in {root}; run dotnet restore.");
    }

    public void Dispose() => _context.Dispose();
}
