using System.Text;

namespace DwsPowerShell.DocGen;

/// <summary>Writes one cmdlet's help page in PlatyPS v2 markdown (what New-MarkdownCommandHelp writes).</summary>
public static class HelpPageWriter
{
    public static string Write(CommandHelp help)
    {
        var sb = new StringBuilder();
        sb.Append("---\n")
          .Append("document type: cmdlet\n")
          .Append("external help file: ").Append(MamlWriter.FileName).Append('\n')
          .Append("HelpUri: ''\n")
          .Append("Locale: en-US\n")
          .Append("Module Name: DwsPowerShell\n")
          .Append("PlatyPS schema version: 2024-05-01\n")
          .Append("title: ").Append(help.Name).Append('\n')
          .Append("---\n\n")
          .Append("# ").Append(help.Name).Append("\n\n")
          .Append("## SYNOPSIS\n\n").Append(help.Synopsis).Append("\n\n")
          .Append("## SYNTAX\n\n");

        foreach (var item in help.Syntax)
        {
            sb.Append("### ").Append(item.SetName).Append(item.IsDefault ? " (Default)" : "").Append("\n\n```\n")
              .Append(SyntaxLine(help.Name, item)).Append("\n```\n\n");
        }

        sb.Append("## ALIASES\n\nThis cmdlet has no aliases.\n\n")
          .Append("## DESCRIPTION\n\n").Append(help.Description).Append("\n\n")
          .Append("## EXAMPLES\n\n");
        var n = 0;
        foreach (var example in help.Examples)
        {
            sb.Append("### Example ").Append(++n).Append(": ").Append(example.Title).Append("\n\n```powershell\n")
              .Append(example.Code).Append("\n```\n\n");
            if (example.Remarks.Length > 0) sb.Append(example.Remarks).Append("\n\n");
        }

        sb.Append("## PARAMETERS\n\n");
        foreach (var p in help.Parameters)
        {
            sb.Append("### -").Append(p.Name).Append("\n\n").Append(p.Description).Append("\n\n```yaml\n")
              .Append("Type: ").Append(p.TypeName).Append('\n')
              .Append("DefaultValue: ").Append(p.DefaultValue.Length == 0 ? "''" : p.DefaultValue).Append('\n')
              .Append("SupportsWildcards: ").Append(Flag(p.SupportsWildcards)).Append('\n')
              .Append("Aliases: [").Append(string.Join(", ", p.Aliases)).Append("]\n")
              .Append("ParameterSets:\n");
            foreach (var set in p.Sets)
            {
                sb.Append("- Name: ").Append(set.Name == CommandHelpReader.AllSets ? "(All)" : set.Name).Append('\n')
                  .Append("  Position: ").Append(set.Position?.ToString() ?? "Named").Append('\n')
                  .Append("  IsRequired: ").Append(Flag(set.Required)).Append('\n')
                  .Append("  ValueFromPipeline: ").Append(Flag(set.ByValue)).Append('\n')
                  .Append("  ValueFromPipelineByPropertyName: ").Append(Flag(set.ByPropertyName)).Append('\n')
                  .Append("  ValueFromRemainingArguments: false\n");
            }
            sb.Append("DontShow: false\nAcceptedValues: [").Append(string.Join(", ", p.AcceptedValues)).Append("]\nHelpMessage: ''\n```\n\n");
        }
        sb.Append("### CommonParameters\n\nThis cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable,\n-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable,\n-ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see\n[about_CommonParameters](https://go.microsoft.com/fwlink/?LinkID=113216).\n\n");

        sb.Append("## INPUTS\n\n");
        foreach (var input in help.Inputs) sb.Append("### ").Append(input.TypeName).Append("\n\n").Append(input.Description).Append("\n\n");
        sb.Append("## OUTPUTS\n\n");
        foreach (var output in help.Outputs) sb.Append("### ").Append(output.TypeName).Append("\n\n").Append(output.Description).Append("\n\n");
        sb.Append("## NOTES\n\n").Append(help.Notes).Append("\n\n")
          .Append("## RELATED LINKS\n\n");
        foreach (var link in help.RelatedLinks) sb.Append("- [").Append(link.Text).Append("](").Append(link.MarkdownTarget).Append(")\n");
        return sb.ToString();
    }

    /// <summary>One parameter set as a line: Get-DwsCluster [[-Name] &lt;string[]&gt;] [-Session &lt;DwsSession&gt;] [&lt;CommonParameters&gt;].</summary>
    public static string SyntaxLine(string command, SyntaxItem item)
    {
        var parts = new List<string> { command };
        foreach (var p in item.Parameters)
        {
            var name = p.Position is null ? "-" + p.Name : "[-" + p.Name + "]";
            var text = p.ValueType is null ? name : $"{name} <{p.ValueType}>";
            parts.Add(p.Mandatory ? text : "[" + text + "]");
        }
        parts.Add("[<CommonParameters>]");
        return string.Join(" ", parts);
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
