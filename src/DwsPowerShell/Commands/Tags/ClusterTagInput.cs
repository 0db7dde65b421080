using System.Collections;
using System.Globalization;
using TagModel = DwsPowerShell.Client.Models.Tags.ResourceTag;

namespace DwsPowerShell.Commands.Tags;

/// <summary>Turns a -Tag hashtable (@{ env = 'prod'; team = 'bi' }) into tags; a $null value becomes "".</summary>
internal static class ClusterTagInput
{
    public static List<TagModel> FromHashtable(Hashtable tags)
    {
        var list = new List<TagModel>();
        foreach (DictionaryEntry entry in tags)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            var value = entry.Value is null ? string.Empty : Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            list.Add(new TagModel(key, value));
        }
        return list.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
    }
}
