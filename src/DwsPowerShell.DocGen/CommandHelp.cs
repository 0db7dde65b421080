using DwsPowerShell.Client.Catalogue;

namespace DwsPowerShell.DocGen;

/// <summary>
/// One cmdlet's help, read once from the module's metadata and its XML doc comments; the markdown page
/// (<see cref="HelpPageWriter"/>) and the MAML Get-Help reads (<see cref="MamlWriter"/>) are both written from it.
/// </summary>
public sealed record CommandHelp(
    string Name,
    string Verb,
    string Noun,
    string Synopsis,
    string Description,
    IReadOnlyList<SyntaxItem> Syntax,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<HelpExample> Examples,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    string Notes,
    IReadOnlyList<RelatedLink> RelatedLinks);

/// <summary>One parameter set as a syntax line: its parameters in the order they are written.</summary>
public sealed record SyntaxItem(string SetName, bool IsDefault, IReadOnlyList<SyntaxParameter> Parameters);

/// <summary>A parameter as one syntax line shows it; <see cref="ValueType"/> is null for a switch.</summary>
public sealed record SyntaxParameter(string Name, string? ValueType, bool Mandatory, int? Position, IReadOnlyList<string> AcceptedValues);

/// <summary>A parameter's entry in the PARAMETERS section.</summary>
public sealed record ParameterHelp(
    string Name,
    string Description,
    string TypeName,
    string? ValueType,
    bool SupportsWildcards,
    IReadOnlyList<string> Aliases,
    string DefaultValue,
    IReadOnlyList<string> AcceptedValues,
    IReadOnlyList<ParameterSetHelp> Sets)
{
    public bool IsSwitch => ValueType is null;

    /// <summary>Mandatory in at least one parameter set (Get-Help has one Required? per parameter).</summary>
    public bool Required => Sets.Any(s => s.Required);

    /// <summary>The first position the parameter has in any set; null when it is always named.</summary>
    public int? Position => Sets.Select(s => s.Position).FirstOrDefault(p => p is not null);

    public bool ByValue => Sets.Any(s => s.ByValue);

    public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);
}

/// <summary>How a parameter binds in one parameter set (<see cref="CommandHelpReader.AllSets"/> for every set).</summary>
public sealed record ParameterSetHelp(string Name, int? Position, bool Required, bool ByValue, bool ByPropertyName);

/// <summary>A type in INPUTS or OUTPUTS, with what it means for this cmdlet.</summary>
public sealed record TypeHelp(string TypeName, string Description);

/// <summary>A related topic; <see cref="MarkdownTarget"/> is the page the markdown links to.</summary>
public sealed record RelatedLink(string Text, string MarkdownTarget);

/// <summary>Builds <see cref="CommandHelp"/> from the module's metadata and XML doc comments.</summary>
public sealed class CommandHelpReader
{
    public const string AllSets = "__AllParameterSets";

    private const string SwitchType = "System.Management.Automation.SwitchParameter";

    private readonly ModuleMetadata _module;
    private readonly HelpSource _help;

    public CommandHelpReader(ModuleMetadata module, HelpSource help)
    {
        _module = module;
        _help = help;
    }

    public IReadOnlyList<CommandHelp> ReadAll() => _module.Cmdlets.Select(Read).ToList();

    public CommandHelp Read(CmdletInfo cmdlet)
    {
        var parameters = _module.Parameters(cmdlet);
        var added = AddedParameters(cmdlet);
        var defaultSet = cmdlet.Named<string>("DefaultParameterSetName");
        var syntax = SetNames(cmdlet, parameters)
            .Select(set => new SyntaxItem(set, set == defaultSet, SyntaxParameters(parameters, set).Concat(added.OrderBy(SyntaxOrder).Select(AsSyntax)).ToList()))
            .ToList();
        var described = parameters
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ParameterHelp(
                p.Name,
                _help.Parameter(p.Property),
                TypeName(p.Property.PropertyType),
                IsSwitch(p.Property.PropertyType) ? null : ShortName(p.Property.PropertyType),
                p.SupportsWildcards,
                p.Aliases,
                string.Empty,
                p.AcceptedValues,
                p.ParameterAttributes.Select(a => new ParameterSetHelp(
                    AttributeArguments.Named<string>(a, "ParameterSetName") ?? AllSets,
                    Position(a),
                    AttributeArguments.Named<bool>(a, "Mandatory"),
                    AttributeArguments.Named<bool>(a, "ValueFromPipeline"),
                    AttributeArguments.Named<bool>(a, "ValueFromPipelineByPropertyName"))).ToList()))
            .Concat(added)
            .ToList();
        var inputs = parameters
            .Where(p => p.ByValue || p.ByPropertyName)
            .Select(p => new TypeHelp(
                TypeName(p.Property.PropertyType),
                (p.ByValue ? $"-{p.Name} accepts values from the pipeline" : $"-{p.Name} binds from the {p.Name} property of piped objects")
                + (p.ByValue && p.ByPropertyName ? $", or from their {p.Name} property" : "") + "."))
            .DefaultIfEmpty(new TypeHelp("None", "This cmdlet takes no pipeline input."))
            .ToList();
        var outputs = _module.OutputTypes(cmdlet)
            .Select(t => new TypeHelp(TypeName(t), t.FullName == "System.Void" ? "This cmdlet writes nothing to the pipeline." : "Written for each result."))
            .ToList();
        return new CommandHelp(
            cmdlet.Name,
            cmdlet.Verb,
            cmdlet.Noun,
            _help.Synopsis(cmdlet.Type),
            _help.Description(cmdlet.Type),
            syntax,
            described,
            _help.Examples(cmdlet.Type),
            inputs,
            outputs,
            Notes(cmdlet.Name),
            new[] { new RelatedLink("about_DwsPowerShell", "about_DwsPowerShell.help.md") });
    }

    /// <summary>Said in NOTES by a cmdlet that serves no operation of the catalogue (sessions, waiting).</summary>
    public const string HelperNote = "The DWS API reference section behind each operation is named in the description.";

    /// <summary>
    /// The catalogue's served operations of the cmdlet (docs/catalogue.md), one "API: section title: METHOD path" line
    /// each, in NOTES; <see cref="HelperNote"/> when there are none.
    /// </summary>
    public static IReadOnlyList<string> ApiLines(string cmdlet) => DwsOperations.All
        .Where(o => o.Served && o.Cmdlet == cmdlet)
        .Select(o => $"API: {o.Section} {o.Title}: {o.Method} {o.Path}")
        .ToList();

    private static string Notes(string cmdlet) => ApiLines(cmdlet) is { Count: > 0 } lines ? string.Join("\n\n", lines) : HelperNote;

    /// <summary>The parameter sets to print: the declared ones, the default, or one for all.</summary>
    public static IReadOnlyList<string> SetNames(CmdletInfo cmdlet, IReadOnlyList<ParameterInfo> parameters)
    {
        var sets = parameters.SelectMany(p => p.Sets).Where(s => s != AllSets).Distinct(StringComparer.Ordinal).ToList();
        var defaultSet = cmdlet.Named<string>("DefaultParameterSetName");
        if (defaultSet is not null && !sets.Contains(defaultSet)) sets.Insert(0, defaultSet);
        if (defaultSet is not null) sets = sets.OrderBy(s => s == defaultSet ? 0 : 1).ToList();
        if (sets.Count == 0) sets.Add(AllSets);
        return sets;
    }

    /// <summary>The cmdlet's own parameters in <paramref name="set"/>: positional ones by position, then mandatory, then by name.</summary>
    private static IEnumerable<SyntaxParameter> SyntaxParameters(IReadOnlyList<ParameterInfo> parameters, string set) => parameters
        .Select(p => (Parameter: p, Attribute: p.ParameterAttributes.FirstOrDefault(a => (AttributeArguments.Named<string>(a, "ParameterSetName") ?? AllSets) == set)
                                               ?? p.ParameterAttributes.FirstOrDefault(a => AttributeArguments.Named<string>(a, "ParameterSetName") is null)))
        .Where(x => x.Attribute is not null)
        .Select(x => new SyntaxParameter(
            x.Parameter.Name,
            IsSwitch(x.Parameter.Property.PropertyType) ? null : ShortName(x.Parameter.Property.PropertyType),
            AttributeArguments.Named<bool>(x.Attribute!, "Mandatory"),
            Position(x.Attribute!),
            x.Parameter.AcceptedValues))
        .OrderBy(p => p.Position ?? int.MaxValue)
        .ThenBy(p => p.Mandatory ? 0 : 1)
        .ThenBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>
    /// The parameters PowerShell adds to the cmdlet's own, in the order the PARAMETERS section lists them:
    /// -First, -IncludeTotalCount and -Skip with SupportsPaging (DwsCmdlet.WriteAll honours them),
    /// -Confirm and -WhatIf with SupportsShouldProcess.
    /// </summary>
    private static IReadOnlyList<ParameterHelp> AddedParameters(CmdletInfo cmdlet)
    {
        var added = new List<ParameterHelp>();
        if (cmdlet.SupportsPaging)
        {
            added.Add(Added("First", "System.UInt64", "", [], "Writes at most this many objects."));
            added.Add(Added("IncludeTotalCount", null, "False", [], "Writes the total number of objects found (a PSObject with an Accuracy property) after the objects themselves."));
            added.Add(Added("Skip", "System.UInt64", "0", [], "Skips this many objects, then writes the rest."));
        }
        if (cmdlet.SupportsShouldProcess)
        {
            added.Add(Added("Confirm", null, "False", ["cf"], "Prompts you for confirmation before running the cmdlet."));
            added.Add(Added("WhatIf", null, "False", ["wi"], "Shows what would happen if the cmdlet runs. The cmdlet is not run."));
        }
        return added;
    }

    /// <summary>Where PowerShell's own syntax lines put the added parameters.</summary>
    private static int SyntaxOrder(ParameterHelp p) => Array.IndexOf(new[] { "IncludeTotalCount", "Skip", "First", "WhatIf", "Confirm" }, p.Name);

    private static ParameterHelp Added(string name, string? type, string defaultValue, string[] aliases, string description) =>
        new(name, description, type ?? SwitchType, type is null ? null : "ulong", false, aliases, defaultValue, [],
            [new ParameterSetHelp(AllSets, null, false, false, false)]);

    private static SyntaxParameter AsSyntax(ParameterHelp p) => new(p.Name, p.ValueType, false, null, p.AcceptedValues);

    private static int? Position(System.Reflection.CustomAttributeData attribute)
    {
        var position = AttributeArguments.Named<int?>(attribute, "Position");
        return position is null or int.MinValue ? null : position;
    }

    private static bool IsSwitch(Type type) => type.FullName == SwitchType;

    /// <summary>The type as PowerShell prints it: System.String[], System.Nullable`1[System.Int32].</summary>
    public static string TypeName(Type type) => type.ToString();

    /// <summary>The type as a syntax line shows it: string, int[], Hashtable.</summary>
    public static string ShortName(Type type)
    {
        var underlying = NullableOf(type) ?? type;
        if (underlying.IsArray) return ShortName(underlying.GetElementType()!) + "[]";
        return underlying.FullName switch
        {
            "System.String" => "string",
            "System.Int32" => "int",
            "System.Int64" => "long",
            "System.UInt64" => "ulong",
            "System.Boolean" => "bool",
            "System.Double" => "double",
            _ => underlying.Name,
        };
    }

    private static Type? NullableOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : null;
}
