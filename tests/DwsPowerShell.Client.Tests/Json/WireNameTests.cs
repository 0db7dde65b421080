using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DwsPowerShell.Client.Json;

namespace DwsPowerShell.Client.Tests.Json;

/// <summary>
/// The JSON name of every property of the client's wire types, as <see cref="DwsJson.Options"/> produce it (naming
/// policy or [JsonPropertyName]), equals tests/Fixtures/wire-names.tsv: dropping an attribute that only restates the
/// snake_case policy changes nothing, dropping one that differs fails here naming the property.
/// </summary>
public class WireNameTests
{
    /// <summary>The model types (namespace DwsPowerShell.Client.Models*) and any other client type naming a property for the wire.</summary>
    private static IEnumerable<Type> WireTypes() =>
        typeof(DwsJson).Assembly.GetTypes()
            .Where(t => (t.IsClass || (t.IsValueType && !t.IsEnum)) && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t)
                && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)
                && ((t.Namespace ?? "").StartsWith("DwsPowerShell.Client.Models", StringComparison.Ordinal)
                    || t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                        .Any(p => p.IsDefined(typeof(JsonPropertyNameAttribute), false))))
            .Select(t => t.IsGenericTypeDefinition ? t.MakeGenericType(t.GetGenericArguments().Select(_ => typeof(object)).ToArray()) : t);

    private static string Name(Type t) => t.IsGenericType
        ? t.GetGenericTypeDefinition().FullName!.Split('`')[0] + "<" + string.Join(",", t.GetGenericArguments().Select(Name)) + ">"
        : t.FullName!.Replace('+', '.');

    public static List<string> Actual()
    {
        var lines = new List<string>();
        foreach (var type in WireTypes())
        {
            var info = DwsJson.Options.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object) continue;
            foreach (var p in info.Properties)
            {
                var member = p.AttributeProvider is MemberInfo m ? m.Name : "?";
                lines.Add($"{Name(type)}\t{member}\t{p.Name}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    [Fact]
    public void Every_wire_property_keeps_its_json_name()
    {
        var actual = Actual();
        // The list as built, beside the test binary: copy it over the fixture only when a name is meant to change.
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "wire-names.actual.tsv"), actual);
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wire-names.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToList();
        Assert.True(actual.Count > 500, $"only {actual.Count} wire properties found");
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var added = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && added.Count == 0,
            $"JSON names changed.\nExpected (type, property, JSON name), now gone:\n  {string.Join("\n  ", missing)}\nNow produced, not in tests/Fixtures/wire-names.tsv:\n  {string.Join("\n  ", added)}");
    }
}
