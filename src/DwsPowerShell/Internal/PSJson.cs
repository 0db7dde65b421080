using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.Json;

namespace DwsPowerShell.Internal;

/// <summary>JSON to PowerShell objects and back, keys as they are (no re-casing): the generic REST cmdlet's bodies.</summary>
internal static class PSJson
{
    private const int MaxDepth = 64;

    /// <summary>An object is a PSCustomObject (properties in the answer's order), an array an object[], numbers int, long, decimal or double.</summary>
    public static object? ToPowerShell(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ToObject(e),
        JsonValueKind.Array => e.EnumerateArray().Select(ToPowerShell).ToArray(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt32(out var i) ? i : e.TryGetInt64(out var l) ? l : e.TryGetDecimal(out var d) ? d : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static PSObject ToObject(JsonElement e)
    {
        var o = new PSObject();
        foreach (var p in e.EnumerateObject())
        {
            // A duplicate key keeps its last value, as ConvertFrom-Json does.
            if (o.Properties[p.Name] is { } existing) existing.Value = ToPowerShell(p.Value);
            else o.Properties.Add(new PSNoteProperty(p.Name, ToPowerShell(p.Value)));
        }
        return o;
    }

    /// <summary>
    /// A hashtable, ordered dictionary, PSCustomObject, array or scalar as JSON, its keys unchanged. Anything else
    /// (a .NET object) is written by its public properties.
    /// </summary>
    public static byte[] ToJson(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, value, 0);
        }
        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter w, object? value, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"-Body nests deeper than {MaxDepth} levels; is it a cycle?", "Body");
        var v = value is PSObject pso && pso.BaseObject is not PSCustomObject ? pso.BaseObject : value;
        switch (v)
        {
            case null:
                w.WriteNullValue();
                return;
            case string s:
                w.WriteStringValue(s);
                return;
            case char c:
                w.WriteStringValue(c.ToString());
                return;
            case bool b:
                w.WriteBooleanValue(b);
                return;
            case SwitchParameter sw:
                w.WriteBooleanValue(sw.IsPresent);
                return;
            case int or long or short or byte or sbyte or uint or ushort or ulong:
                w.WriteRawValue(Convert.ToString(v, CultureInfo.InvariantCulture)!);
                return;
            case decimal d:
                w.WriteNumberValue(d);
                return;
            case double or float:
                var dbl = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                if (double.IsNaN(dbl) || double.IsInfinity(dbl)) throw new ArgumentException($"-Body holds {dbl}, which JSON cannot carry.", "Body");
                w.WriteNumberValue(dbl);
                return;
            case DateTime dt:
                w.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                w.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                return;
            case Guid or Uri or Enum:
                w.WriteStringValue(v.ToString());
                return;
            case IDictionary dict:
                w.WriteStartObject();
                foreach (DictionaryEntry entry in dict)
                {
                    w.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    Write(w, entry.Value, depth + 1);
                }
                w.WriteEndObject();
                return;
            case PSObject custom:
                w.WriteStartObject();
                foreach (var p in custom.Properties)
                {
                    if (p is not (PSNoteProperty or PSProperty)) continue;
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value, depth + 1);
                }
                w.WriteEndObject();
                return;
            case IEnumerable items:
                w.WriteStartArray();
                foreach (var item in items) Write(w, item, depth + 1);
                w.WriteEndArray();
                return;
            default:
                Write(w, PSObject.AsPSObject(v) is var wrapped && wrapped.BaseObject is not null ? ToNoteObject(wrapped) : null, depth + 1);
                return;
        }
    }

    private static PSObject ToNoteObject(PSObject o)
    {
        var copy = new PSObject();
        foreach (var p in o.Properties.Where(p => p.IsGettable && p.MemberType is PSMemberTypes.Property or PSMemberTypes.NoteProperty))
        {
            copy.Properties.Add(new PSNoteProperty(p.Name, p.Value));
        }
        return copy;
    }

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
