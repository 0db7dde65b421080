using System.Text;
using System.Text.RegularExpressions;

namespace DwsPowerShell.DocGen;

/// <summary>
/// Turns the about topic's markdown (docs/en-US/about_DwsPowerShell.help.md) into the plain text
/// Get-Help shows (en-US/about_DwsPowerShell.help.txt): TOPIC, then SHORT DESCRIPTION, headings in
/// capitals, text wrapped at 80 columns and indented, code indented further.
/// </summary>
public static class AboutTopicWriter
{
    private const int Width = 80;
    private const string Indent = "    ";

    /// <summary>about_DwsPowerShell.help.md → about_DwsPowerShell.help.txt.</summary>
    public static string TextFileName(string markdownFileName) => Regex.Replace(Path.GetFileName(markdownFileName), @"\.md$", ".txt");

    public static string Write(string markdown)
    {
        var lines = markdown.Replace("\r", "").Split('\n');
        var i = 0;
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        if (i == lines.Length || !lines[i].StartsWith("# ", StringComparison.Ordinal))
        {
            throw new FormatException("An about topic starts with its name as a heading: # about_<Name>.");
        }
        var sb = new StringBuilder();
        sb.Append("TOPIC\n").Append(Indent).Append(lines[i][2..].Trim()).Append('\n');
        i++;

        // Get-Help takes the 5th line of the file as the topic's synopsis (HelpFileHelpInfo): the
        // short description's text, kept on one line.
        var j = Skip(lines, i);
        if (j >= lines.Length || !Regex.IsMatch(lines[j], @"^##\s+SHORT DESCRIPTION\s*$", RegexOptions.IgnoreCase))
        {
            throw new FormatException("The heading after the topic name must be ## SHORT DESCRIPTION (Get-Help reads the synopsis from the line after it).");
        }

        // A blank line between blocks, none under a heading.
        var underHeading = false;
        while ((i = Skip(lines, i)) < lines.Length)
        {
            var line = lines[i];
            if (!underHeading) sb.Append('\n');
            underHeading = line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal);
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var heading = line[3..].Trim().ToUpperInvariant();
                sb.Append(heading).Append('\n');
                i++;
                if (heading == "SHORT DESCRIPTION")
                {
                    i = Skip(lines, i);
                    var text = new List<string>();
                    while (i < lines.Length && lines[i].Trim().Length > 0) text.Add(lines[i++].Trim());
                    sb.Append(Indent).Append(Inline(string.Join(" ", text))).Append('\n');
                    underHeading = false;
                }
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                var heading = Inline(line[4..].Trim());
                sb.Append(Indent).Append(heading).Append('\n').Append(Indent).Append(new string('-', heading.Length)).Append('\n');
                i++;
                continue;
            }
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    sb.Append(lines[i].Length == 0 ? "" : Indent + Indent + lines[i]).Append('\n');
                }
                i++;
                continue;
            }
            if (line.StartsWith(Indent, StringComparison.Ordinal))
            {
                for (; i < lines.Length && (lines[i].StartsWith(Indent, StringComparison.Ordinal) || lines[i].Trim().Length == 0 && i + 1 < lines.Length && lines[i + 1].StartsWith(Indent, StringComparison.Ordinal)); i++)
                {
                    sb.Append(lines[i].Trim().Length == 0 ? "" : Indent + lines[i]).Append('\n');
                }
                continue;
            }

            // A paragraph or a list; a list item's continuation lines are indented.
            var item = Regex.Match(line, @"^(\d+\.|[-*])\s+");
            while (true)
            {
                var marker = item.Success ? item.Groups[1].Value + " " : "";
                var text = new List<string> { line[(item.Success ? item.Length : 0)..].Trim() };
                for (i++; i < lines.Length && lines[i].Trim().Length > 0 && !Regex.IsMatch(lines[i], @"^(\d+\.|[-*])\s+|^#|^```"); i++)
                {
                    text.Add(lines[i].Trim());
                }
                Wrap(sb, marker, Inline(string.Join(" ", text)));
                if (i >= lines.Length || !(item = Regex.Match(lines[i], @"^(\d+\.|[-*])\s+")).Success) break;
                line = lines[i];
            }
        }
        return sb.ToString();
    }

    private static int Skip(string[] lines, int i)
    {
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        return i;
    }

    /// <summary>Markdown inline code and emphasis marks are dropped; the words stay.</summary>
    private static string Inline(string text) => Regex.Replace(text, @"`([^`]*)`|\*\*([^*]+)\*\*", m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    /// <summary>Wraps <paramref name="text"/> at <see cref="Width"/>, after <paramref name="marker"/>, with a hanging indent under it.</summary>
    private static void Wrap(StringBuilder sb, string marker, string text)
    {
        var first = Indent + marker;
        var rest = new string(' ', first.Length);
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                sb.Append(line).Append('\n');
                line.Clear().Append(rest);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        sb.Append(line).Append('\n');
    }
}
