using System.Collections;
using System.Globalization;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Completers;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Changes parameters of a DWS cluster without losing the others.</summary>
/// <remarks>Reads the parameter group (API reference 5.2.43, v1.0), checks that each named parameter exists and is not read-only and that the value fits its type, merges the new values into the current settings and writes them (API reference 5.2.44, PUT /v2/{project_id}/clusters/{cluster_id}/configurations/{configuration_id}): parameters not named keep their values. -Role says where the values apply: Cn, Dn or both (the default). Without -ConfigurationId the cluster's group of type parameterGroup is used. Values equal to the current ones are not sent. Writes the result (the changes with old and new values); when a changed parameter needs a restart, a warning says so and the group's status becomes Pending-Reboot until Restart-DwsCluster. Refused while the cluster is busy or read-only.</remarks>
/// <example title="Change one parameter on CNs and DNs">
/// <code>
/// Set-DwsClusterParameter -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Name enable_constraint_optimization -Value off
/// </code>
/// <para>Sets the parameter to off on coordinator and data nodes and writes what changed.</para>
/// </example>
/// <example title="Change several parameters on CNs only, then restart">
/// <code>
/// $r = Get-DwsCluster -Name sales-dw | Set-DwsClusterParameter -Parameter @{ max_connections = 1000; session_timeout = 900 } -Role Cn
/// if ($r.RestartRequired) { Restart-DwsCluster -ClusterId $r.ClusterId -Force -Wait }
/// </code>
/// <para>Changes two parameters in one call and restarts when one of them needs it.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "DwsClusterParameter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SingleSet)]
[OutputType(typeof(ParameterUpdateResult))]
public sealed class SetDwsClusterParameterCommand : DwsCmdlet
{
    private const string SingleSet = "Single";
    private const string TableSet = "Table";

    /// <summary>ID of the cluster; accepts objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The parameter group ID; default the cluster's group of type parameterGroup.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ConfigurationId { get; set; }

    /// <summary>The parameter to change.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = SingleSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Its new value (booleans: on/off or $true/$false).</summary>
    [Parameter(Mandatory = true, Position = 2, ParameterSetName = SingleSet)]
    [ValidateNotNull]
    public object Value { get; set; } = null!;

    /// <summary>Parameters to change as a hashtable of name = value.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TableSet)]
    [ValidateNotNullOrEmpty]
    public Hashtable Parameter { get; set; } = new();

    /// <summary>Where the values apply: Cn, Dn, or both (the default).</summary>
    [Parameter]
    public ParameterRole[] Role { get; set; } = { ParameterRole.Cn, ParameterRole.Dn };

    protected override void ProcessRecord()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ParameterSetName == SingleSet) values[Name] = Text(Value);
        else foreach (DictionaryEntry e in Parameter) values[Convert.ToString(e.Key, CultureInfo.InvariantCulture)!] = Text(e.Value);
        var roles = Role.Aggregate((ParameterRole)0, (a, r) => a | r);
        var what = string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
        if (!ShouldChange(ClusterId, $"Set parameters {what} on {roles.ToString().ToUpperInvariant()}", force: false)) return;
        ForItem(ClusterId, () =>
        {
            var result = Await(ct => DwsSession.Clusters.SetParametersAsync(ClusterId, values, roles, ConfigurationId, ct));
            if (result.Changes.Count == 0) WriteVerbose($"Cluster {ClusterId}: the parameters already had these values; nothing was sent.");
            if (result.RestartRequired)
            {
                var names = string.Join(", ", result.Changes.Where(c => c.RestartRequired).Select(c => c.Name).Distinct());
                WriteWarning($"Cluster {ClusterId}: {names} take effect only after a restart (parameter group status Pending-Reboot). Restart with Restart-DwsCluster -ClusterId {ClusterId}.");
            }
            WriteObject(result);
        });
    }

    private static string Text(object? value)
    {
        var v = value is PSObject p ? p.BaseObject : value;
        return v switch
        {
            bool b => b ? "on" : "off",
            SwitchParameter s => s.IsPresent ? "on" : "off",
            null => string.Empty,
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
