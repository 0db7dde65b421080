using System.Collections;
using System.Management.Automation;

namespace DwsPowerShell.Commands.Tags;

/// <summary>Deletes tags from DWS clusters.</summary>
/// <remarks>Deletes tags from the cluster in one batch (API reference 5.10.4, POST /v1.0/{project_id}/clusters/{cluster_id}/tags/batch-delete: a POST that deletes). The API needs each tag's key and value: with -Key alone the cluster's tags are read first (API reference 5.10.2) to fill in the values, and a key the cluster does not have is an error (nothing is deleted); with -Key and -Value, or -Tag @{ key = 'value' }, they are sent as given and the service refuses a pair the cluster does not have. Tags from Get-DwsClusterTag -ClusterId bind to -ClusterId, -Key and -Value by property name. Writes nothing. Asks for confirmation (ConfirmImpact High) unless -Force; -WhatIf and an explicit -Confirm win over -Force.</remarks>
/// <example title="Delete tags by key">
/// <code>
/// Remove-DwsClusterTag -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Key env, team -Force
/// </code>
/// <para>Looks up the values of env and team, then deletes both tags without asking.</para>
/// </example>
/// <example title="Delete the temporary tags of every cluster">
/// <code>
/// Get-DwsCluster | Get-DwsClusterTag -Key 'tmp-*' | Remove-DwsClusterTag -Force
/// </code>
/// <para>Each tag object carries ClusterId, Key and Value, so it binds without a script block.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsClusterTag", DefaultParameterSetName = KeySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveDwsClusterTagCommand : DwsCmdlet
{
    private const string KeySet = "Key";
    private const string TagSet = "Tag";

    /// <summary>The cluster; accepts clusters, tags from Get-DwsClusterTag and any object with a ClusterId from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>Keys of the tags to delete; accepts tags from Get-DwsClusterTag from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeySet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Key { get; set; } = Array.Empty<string>();

    /// <summary>The value of the tag to delete (with a single -Key); looked up when omitted. Accepts tags from Get-DwsClusterTag from the pipeline.</summary>
    [Parameter(ParameterSetName = KeySet, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Value { get; set; }

    /// <summary>The tags to delete as a hashtable of key = value.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TagSet)]
    [ValidateNotNullOrEmpty]
    public Hashtable Tag { get; set; } = new();

    /// <summary>Delete without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(ClusterId, () =>
        {
            if (ParameterSetName == TagSet)
            {
                var tags = ClusterTagInput.FromHashtable(Tag);
                if (!ShouldChange(ClusterId, $"Delete tags {string.Join(", ", tags)}", Force)) return;
                Await(ct => DwsSession.Tags.RemoveAsync(ClusterId, tags, ct));
            }
            else if (Value is not null)
            {
                if (Key.Length != 1) throw new ArgumentException("-Value goes with a single -Key; give -Tag @{ key = 'value'; ... } for several.", nameof(Value));
                if (!ShouldChange(ClusterId, $"Delete tag {Key[0]}={Value}", Force)) return;
                Await(ct => DwsSession.Tags.RemoveAsync(ClusterId, new[] { new Client.Models.Tags.ResourceTag(Key[0], Value) }, ct));
            }
            else
            {
                if (!ShouldChange(ClusterId, $"Delete tags with key {string.Join(", ", Key)}", Force)) return;
                Await(ct => DwsSession.Tags.RemoveByKeyAsync(ClusterId, Key, ct));
            }
        });
    }
}
