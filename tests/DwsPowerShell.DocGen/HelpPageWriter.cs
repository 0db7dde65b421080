using System.Reflection;
using System.Text;

namespace DwsPowerShell.DocGen;

/// <summary>Writes one cmdlet's help page in PlatyPS v2 markdown (what New-MarkdownCommandHelp writes).</summary>
public sealed class HelpPageWriter
{
    public const string AllSets = "__AllParameterSets";

    private readonly ModuleMetadata _module;
    private readonly HelpSource _help;

    public HelpPageWriter(ModuleMetadata module, HelpSource help)
    {
        _module = module;
        _help = help;
    }

    public string Write(CmdletInfo cmdlet)
    {
        var parameters = _module.Parameters(cmdlet);
        var sb = new StringBuilder();
        sb.Append("---\n")
          .Append("document type: cmdlet\n")
          .Append("external help file: DwsPowerShell.dll-Help.xml\n")
          .Append("HelpUri: ''\n")
          .Append("Locale: en-US\n")
          .Append("Module Name: DwsPowerShell\n")
          .Append("PlatyPS schema version: 2024-05-01\n")
          .Append("title: ").Append(cmdlet.Name).Append('\n')
          .Append("---\n\n")
          .Append("# ").Append(cmdlet.Name).Append("\n\n")
          .Append("## SYNOPSIS\n\n").Append(_help.Synopsis(cmdlet.Type)).Append("\n\n")
          .Append("## SYNTAX\n\n");

        var defaultSet = cmdlet.Named<string>("DefaultParameterSetName");
        foreach (var set in SetNames(cmdlet, parameters))
        {
            sb.Append("### ").Append(set).Append(set == defaultSet ? " (Default)" : "").Append("\n\n```\n")
              .Append(SyntaxLine(cmdlet, parameters, set)).Append("\n```\n\n");
        }

        sb.Append("## ALIASES\n\nThis cmdlet has no aliases.\n\n")
          .Append("## DESCRIPTION\n\n").Append(_help.Description(cmdlet.Type)).Append("\n\n")
          .Append("## EXAMPLES\n\n");
        var n = 0;
        foreach (var example in _help.Examples(cmdlet.Type))
        {
            sb.Append("### Example ").Append(++n).Append(": ").Append(example.Title).Append("\n\n```powershell\n")
              .Append(example.Code).Append("\n```\n\n");
            if (example.Remarks.Length > 0) sb.Append(example.Remarks).Append("\n\n");
        }

        sb.Append("## PARAMETERS\n\n");
        foreach (var p in parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            sb.Append("### -").Append(p.Name).Append("\n\n").Append(_help.Parameter(p.Property)).Append("\n\n```yaml\n")
              .Append("Type: ").Append(p.Property.PropertyType.FullName).Append('\n')
              .Append("DefaultValue: ''\n")
              .Append("SupportsWildcards: ").Append(HasAttribute(p.Property, "SupportsWildcardsAttribute") ? "true" : "false").Append('\n')
              .Append("Aliases: [").Append(string.Join(", ", p.Aliases)).Append("]\n")
              .Append("ParameterSets:\n");
            foreach (var attribute in p.ParameterAttributes)
            {
                var set = Named<string>(attribute, "ParameterSetName") ?? AllSets;
                var position = Named<int?>(attribute, "Position");
                sb.Append("- Name: ").Append(set == AllSets ? "(All)" : set).Append('\n')
                  .Append("  Position: ").Append(position is null or int.MinValue ? "Named" : position.ToString()).Append('\n')
                  .Append("  IsRequired: ").Append(Flag(attribute, "Mandatory")).Append('\n')
                  .Append("  ValueFromPipeline: ").Append(Flag(attribute, "ValueFromPipeline")).Append('\n')
                  .Append("  ValueFromPipelineByPropertyName: ").Append(Flag(attribute, "ValueFromPipelineByPropertyName")).Append('\n')
                  .Append("  ValueFromRemainingArguments: false\n");
            }
            sb.Append("DontShow: false\nAcceptedValues: []\nHelpMessage: ''\n```\n\n");
        }
        if (cmdlet.SupportsShouldProcess)
        {
            sb.Append("### -Confirm\n\nPrompts you for confirmation before running the cmdlet.\n\n```yaml\nType: System.Management.Automation.SwitchParameter\nDefaultValue: False\nSupportsWildcards: false\nAliases: [cf]\nParameterSets:\n- Name: (All)\n  Position: Named\n  IsRequired: false\n  ValueFromPipeline: false\n  ValueFromPipelineByPropertyName: false\n  ValueFromRemainingArguments: false\nDontShow: false\nAcceptedValues: []\nHelpMessage: ''\n```\n\n");
            sb.Append("### -WhatIf\n\nShows what would happen if the cmdlet runs. The cmdlet is not run.\n\n```yaml\nType: System.Management.Automation.SwitchParameter\nDefaultValue: False\nSupportsWildcards: false\nAliases: [wi]\nParameterSets:\n- Name: (All)\n  Position: Named\n  IsRequired: false\n  ValueFromPipeline: false\n  ValueFromPipelineByPropertyName: false\n  ValueFromRemainingArguments: false\nDontShow: false\nAcceptedValues: []\nHelpMessage: ''\n```\n\n");
        }
        sb.Append("### CommonParameters\n\nThis cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable,\n-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable,\n-ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see\n[about_CommonParameters](https://go.microsoft.com/fwlink/?LinkID=113216).\n\n");

        sb.Append("## INPUTS\n\n");
        var inputs = parameters.Where(p => p.ByValue || p.ByPropertyName).ToList();
        if (inputs.Count == 0) sb.Append("### None\n\nThis cmdlet takes no pipeline input.\n\n");
        foreach (var p in inputs)
        {
            sb.Append("### ").Append(p.Property.PropertyType.FullName).Append("\n\n")
              .Append(p.ByValue ? $"-{p.Name} accepts values from the pipeline" : $"-{p.Name} binds from the {p.Name} property of piped objects")
              .Append(p.ByValue && p.ByPropertyName ? $", or from their {p.Name} property" : "").Append(".\n\n");
        }
        sb.Append("## OUTPUTS\n\n");
        foreach (var type in _module.OutputTypes(cmdlet))
        {
            sb.Append("### ").Append(type.FullName).Append("\n\n")
              .Append(type.FullName == "System.Void" ? "This cmdlet writes nothing to the pipeline." : $"Written for each result.").Append("\n\n");
        }
        sb.Append("## NOTES\n\nThe DWS API reference section behind each operation is named in the description.\n\n")
          .Append("## RELATED LINKS\n\n- [about_DwsPowerShell](about_DwsPowerShell.help.md)\n");
        return sb.ToString();
    }

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

    public static string SyntaxLine(CmdletInfo cmdlet, IReadOnlyList<ParameterInfo> parameters, string set)
    {
        var parts = new List<string> { cmdlet.Name };
        var inSet = parameters
            .Select(p => (Parameter: p, Attribute: p.ParameterAttributes.FirstOrDefault(a => (Named<string>(a, "ParameterSetName") ?? AllSets) == set)
                                                   ?? p.ParameterAttributes.FirstOrDefault(a => Named<string>(a, "ParameterSetName") is null)))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Parameter, Mandatory: Flag(x.Attribute!, "Mandatory") == "true", Position: Named<int?>(x.Attribute!, "Position")))
            .OrderBy(x => x.Position is null or int.MinValue ? int.MaxValue : x.Position.Value)
            .ThenBy(x => x.Mandatory ? 0 : 1)
            .ThenBy(x => x.Parameter.Name, StringComparer.Ordinal);
        foreach (var (p, mandatory, position) in inSet)
        {
            var type = p.Property.PropertyType;
            var isSwitch = type.FullName == "System.Management.Automation.SwitchParameter";
            var name = position is null or int.MinValue ? "-" + p.Name : "[-" + p.Name + "]";
            var text = isSwitch ? name : $"{name} <{ShortName(type)}>";
            parts.Add(mandatory ? text : "[" + text + "]");
        }
        if (cmdlet.SupportsShouldProcess) parts.Add("[-WhatIf] [-Confirm]");
        parts.Add("[<CommonParameters>]");
        return string.Join(" ", parts);
    }

    private static string ShortName(Type type)
    {
        var underlying = Nullable(type) ?? type;
        if (underlying.IsArray) return ShortName(underlying.GetElementType()!) + "[]";
        return underlying.FullName switch
        {
            "System.String" => "string",
            "System.Int32" => "int",
            "System.Int64" => "long",
            "System.Boolean" => "bool",
            "System.Double" => "double",
            _ => underlying.Name,
        };
    }

    private static Type? Nullable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : null;

    private static bool HasAttribute(PropertyInfo property, string name) => property.GetCustomAttributesData().Any(a => a.AttributeType.Name == name);

    private static T? Named<T>(CustomAttributeData attribute, string name)
    {
        foreach (var a in attribute.NamedArguments)
        {
            if (a.MemberName == name) return (T?)a.TypedValue.Value;
        }
        return default;
    }

    private static string Flag(CustomAttributeData attribute, string name) => Named<bool>(attribute, name) ? "true" : "false";
}
