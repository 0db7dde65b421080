using DwsPowerShell.Client.Models.AvailabilityZones;
using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;
using DwsPowerShell.Client.Errors;

namespace DwsPowerShell.Internal;

/// <summary>
/// Puts a refusal in the words of the cmdlet: the client names its own parameters (clusterId, name, MasterKeyId),
/// the user typed -ClusterId, -LogicalClusterName, -KmsKeyId. The one place an ArgumentException's ParamName is
/// mapped to the cmdlet parameter it came from.
/// </summary>
internal static class DwsParameterNames
{
    /// <summary>
    /// The exception, renamed to the cmdlet parameter it came from when that can be told: the bound parameter holding
    /// the refused value (<see cref="DwsArgumentException.Value"/>), else the bound parameter spelled like ParamName or
    /// like the property the message starts with (case, '_', '-' and a plural 's' aside). The message then names it as typed ("-ClusterId ..."); otherwise the exception as it was.
    /// </summary>
    public static Exception AsTyped(Exception error, InvocationInfo invocation)
    {
        if (error is not ArgumentException { ParamName: { Length: > 0 } clientName } argument) return error;
        var parameter = Find(argument, invocation);
        if (parameter is null) return error;
        var original = MessageOf(argument);
        var message = Rename(original, clientName, parameter);
        if (message == original) return error; // it names the parameter as typed already
        return argument is DwsArgumentException dws
            ? new DwsArgumentException(message, parameter, dws.Value)
            : new ArgumentException(message, parameter, argument);
    }

    /// <summary>The message without what ArgumentException adds: " (Parameter 'x')" (.NET) or "Parameter name: x" (.NET Framework), and the actual value after it.</summary>
    public static string MessageOf(ArgumentException error)
    {
        var message = error.Message;
        if (error.ParamName is null) return message;
        foreach (var suffix in new[] { $" (Parameter '{error.ParamName}')", $"{Environment.NewLine}Parameter name: {error.ParamName}" })
        {
            var at = message.IndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0) return message.Substring(0, at);
        }
        return message;
    }

    private static string? Find(ArgumentException error, InvocationInfo invocation)
    {
        var parameters = invocation.MyCommand?.Parameters;
        if (parameters is null) return null;
        var wanted = Normalize(error.ParamName!);

        if (error is DwsArgumentException { Value: { } value })
        {
            var holders = invocation.BoundParameters.Where(p => Holds(p.Value, value)).Select(p => p.Key).ToList();
            if (holders.Count == 1) return holders[0];
            if (holders.Count > 1) return holders.FirstOrDefault(h => Normalize(h) == wanted) ?? holders[0];
        }
        // The client's name, or the property its message starts with ("PublicIp.EipId is required" -> EipId), one
        // plural apart at most (AvailabilityZones -> AvailabilityZone).
        var leading = Regex.Match(MessageOf(error), @"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*").Value;
        foreach (var name in new[] { wanted, Normalize(leading.Substring(leading.LastIndexOf('.') + 1)) }.Where(n => n.Length > 0))
        {
            foreach (var p in parameters.Values.Where(p => invocation.BoundParameters.ContainsKey(p.Name)))
            {
                if (new[] { p.Name }.Concat(p.Aliases).Select(Normalize).Any(n => n == name || n + "S" == name)) return p.Name;
            }
        }
        return null;
    }

    private static bool Holds(object? bound, string value) => Unwrap(bound) switch
    {
        string s => s == value,
        IEnumerable items => items.Cast<object?>().Any(i => Unwrap(i) is string s && s == value),
        _ => false,
    };

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

    private static string Normalize(string name) => name.Replace("_", string.Empty).Replace("-", string.Empty).ToUpperInvariant();

    private static string Rename(string message, string clientName, string parameter)
    {
        var typed = "-" + parameter;
        // "clusterId is required" -> "-ClusterId is required"; "stage.StartTime '..' is not" -> "-StartTime '..' is not"
        var leading = new Regex("^" + Regex.Escape(clientName) + @"(\.\w+)?\b");
        if (leading.IsMatch(message)) return leading.Replace(message, typed, 1);
        if (Regex.IsMatch(message, Regex.Escape(typed) + @"\b")) return message;
        return $"{typed}: {message}";
    }
}
