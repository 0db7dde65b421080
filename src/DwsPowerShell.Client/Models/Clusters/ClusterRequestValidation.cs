using System.Text.RegularExpressions;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>A request body that can check itself before it is sent.</summary>
internal interface IValidatedRequest
{
    void Validate();
}

/// <summary>
/// Checks of request bodies against the rules the reference states (5.2.1, 5.2.3, 5.2.27, 5.2.30).
/// Each failure is an <see cref="ArgumentException"/> naming the property and the fix.
/// </summary>
internal static class ClusterRequestValidation
{
    public const int MinNodes = 3;
    public const int MaxNodes = 256;
    public const int MaxCns = 20;
    public const int MinPort = 8000;
    public const int MaxPort = 30000;

    private static readonly Regex s_clusterName = new("^[A-Za-z][A-Za-z0-9_-]{3,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_adminUser = new("^[a-z_][a-z0-9_]{5,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_tagText = new(@"^[\p{L}\p{Nd}_-]*$", RegexOptions.CultureInvariant);

    public static void ClusterName(string? name, string parameterName)
    {
        Required(name, parameterName, "the cluster name");
        if (!s_clusterName.IsMatch(name!))
        {
            throw new ArgumentException(
                $"{parameterName} '{name}' is not a valid cluster name: use 4 to 64 characters, starting with a letter, with only letters, digits, hyphens (-) and underscores (_).",
                parameterName);
        }
    }

    public static void AdminUserName(string? userName, string parameterName)
    {
        Required(userName, parameterName, "the administrator user name");
        if (!s_adminUser.IsMatch(userName!))
        {
            throw new ArgumentException(
                $"{parameterName} '{userName}' is not a valid administrator name: use 6 to 64 lowercase letters, digits or underscores, starting with a lowercase letter or an underscore.",
                parameterName);
        }
    }

    /// <summary>12 to 32 characters, at least three of: uppercase, lowercase, digits, special characters; not the user name forwards or backwards. Never echoes the password.</summary>
    public static void AdminPassword(string? password, string? userName, string parameterName)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException($"{parameterName} is required: give the administrator password.", parameterName);
        }
        if (password!.Length < 12 || password.Length > 32)
        {
            throw new ArgumentException($"{parameterName} has {password.Length} characters; the administrator password must have 12 to 32.", parameterName);
        }
        int kinds = 0;
        if (password.Any(char.IsUpper)) kinds++;
        if (password.Any(char.IsLower)) kinds++;
        if (password.Any(char.IsDigit)) kinds++;
        if (password.Any(c => !char.IsLetterOrDigit(c))) kinds++;
        if (kinds < 3)
        {
            throw new ArgumentException(
                $"{parameterName} must contain at least three of: uppercase letters, lowercase letters, digits and special characters (~!?,.:;-_(){{}}[]/<>@#%^&*+|\\=).",
                parameterName);
        }
        if (!string.IsNullOrEmpty(userName))
        {
            var reversed = new string(userName!.Reverse().ToArray());
            if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase) || string.Equals(password, reversed, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{parameterName} must not be the administrator user name or that name reversed.", parameterName);
            }
        }
    }

    /// <summary>1 (a standalone hybrid data warehouse) or 3 to 256.</summary>
    public static void NodeCount(int count, string parameterName)
    {
        if (count != 1 && (count < MinNodes || count > MaxNodes))
        {
            throw new ArgumentOutOfRangeException(parameterName, count,
                $"{parameterName} is {count}; a cluster has {MinNodes} to {MaxNodes} nodes, or 1 for a standalone hybrid data warehouse.");
        }
    }

    /// <summary>From <paramref name="min"/> to the node count, at most 20 (a standalone node count of 1 is not compared).</summary>
    public static void CnCount(int count, int min, int nodeCount, string parameterName)
    {
        var max = nodeCount >= MinNodes ? Math.Min(MaxCns, nodeCount) : MaxCns;
        if (count < min || count > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, count,
                $"{parameterName} is {count}; the number of CNs must be from {min} to {max} (at most {MaxCns}, and not more than the {nodeCount} nodes).");
        }
    }

    public static void Port(int port, string parameterName)
    {
        if (port < MinPort || port > MaxPort)
        {
            throw new ArgumentOutOfRangeException(parameterName, port, $"{parameterName} is {port}; the database port must be from {MinPort} to {MaxPort} (default 8000).");
        }
    }

    public static void Positive(int value, string parameterName, string what)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} is {value}; {what} must be at least 1.");
        }
    }

    public static void Required(string? value, string parameterName, string what)
    {
        if (value is null || value.Trim().Length == 0)
        {
            throw new DwsArgumentException($"{parameterName} is required: give {what}.", parameterName, value);
        }
    }

    /// <summary>
    /// A node flavor (5.2.14 spec_name, such as dws.m1.xlarge.ultrahigh or dwsk2.xlarge): letters and digits, with '.',
    /// '_' and '-' between them. Checked here so that a value that can name no flavor is refused before the node types are read.
    /// </summary>
    public static void Flavor(string? value, string parameterName)
    {
        Required(value, parameterName, "the node flavor (a spec_name from the node types, such as dws.m1.xlarge.ultrahigh)");
        var v = value!;
        var ok = v.Length <= 128 && char.IsLetterOrDigit(v[0]) && char.IsLetterOrDigit(v[v.Length - 1]);
        foreach (var c in v) ok &= c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '_' or '-');
        if (!ok || v.Contains(".."))
        {
            throw new DwsArgumentException(
                $"{parameterName} '{DwsRequest.Printable(v)}' is not a node flavor: a spec_name is letters and digits with '.', '_' or '-' between them, such as dws.m1.xlarge.ultrahigh (Get-DwsNodeType lists them).",
                parameterName, value);
        }
    }

    public static void PublicIp(ClusterPublicIp? publicIp, string parameterName)
    {
        if (publicIp is null) return;
        var type = publicIp.PublicBindType;
        if (type != ClusterPublicIp.AutoAssign && type != ClusterPublicIp.NotUse && type != ClusterPublicIp.BindExisting)
        {
            throw new ArgumentException(
                $"{parameterName}.PublicBindType '{type}' is not valid: use {ClusterPublicIp.AutoAssign}, {ClusterPublicIp.NotUse} or {ClusterPublicIp.BindExisting}.",
                parameterName);
        }
        if (type == ClusterPublicIp.BindExisting && string.IsNullOrWhiteSpace(publicIp.EipId))
        {
            throw new ArgumentException($"{parameterName}.EipId is required with {ClusterPublicIp.BindExisting}: give the ID of the EIP to bind.", parameterName);
        }
    }

    public static void Tags(IEnumerable<ClusterTag?>? tags, string parameterName)
    {
        if (tags is null) return;
        foreach (var tag in tags)
        {
            if (tag is null) throw new ArgumentException($"{parameterName} contains a null tag: remove it.", parameterName);
            var key = tag.Key;
            if (string.IsNullOrEmpty(key) || key!.Length > 128 || !s_tagText.IsMatch(key))
            {
                throw new ArgumentException(
                    $"{parameterName} key '{key}' is not valid: a tag key has 1 to 128 letters, digits, hyphens (-) or underscores (_).",
                    parameterName);
            }
            var value = tag.Value ?? string.Empty;
            if (value.Length > 255 || !s_tagText.IsMatch(value))
            {
                throw new ArgumentException(
                    $"{parameterName} value of '{key}' is not valid: a tag value has at most 255 letters, digits, hyphens (-) or underscores (_), and may be empty.",
                    parameterName);
            }
        }
    }

    public static string OneOf(string? value, string parameterName, params string[] allowed)
    {
        foreach (var a in allowed)
        {
            if (string.Equals(value?.Trim(), a, StringComparison.OrdinalIgnoreCase)) return a;
        }
        throw new ArgumentException($"{parameterName} '{value}' is not valid: use {string.Join(", ", allowed)}.", parameterName);
    }
}
