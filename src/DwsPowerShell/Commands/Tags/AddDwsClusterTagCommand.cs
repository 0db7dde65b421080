using System.Collections;
using System.Management.Automation;
using TagModel = DwsPowerShell.Client.Models.Tags.ResourceTag;

namespace DwsPowerShell.Commands.Tags;

/// <summary>Adds tags to DWS clusters.</summary>
/// <remarks>Adds the tags of the -Tag hashtable to the cluster in one batch (API reference 5.10.3, POST /v1.0/{project_id}/clusters/{cluster_id}/tags/batch-create); a key the cluster already has gets the new value. Keys have 1 to 128 characters and values 0 to 255; both may contain only letters, digits, hyphens and underscores and cannot start or end with a space; a cluster has at most 20 tags. The service rejects the whole batch when one tag breaks a rule. Writes nothing unless -PassThru, which writes the cluster's tags afterwards (API reference 5.10.2). Clusters from Get-DwsCluster bind to -ClusterId by property name.</remarks>
/// <example title="Tag a cluster">
/// <code>
/// Add-DwsClusterTag -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Tag @{ env = 'prod'; team = 'bi' } -PassThru
/// </code>
/// <para>Adds two tags and writes the cluster's tags.</para>
/// </example>
/// <example title="Tag every reporting cluster">
/// <code>
/// Get-DwsCluster -Name 'report-*' | Add-DwsClusterTag -Tag @{ costcenter = 'cc-4711' }
/// </code>
/// <para>Adds (or overwrites) the costcenter tag on each cluster whose name starts with report-.</para>
/// </example>
[Cmdlet(VerbsCommon.Add, "DwsClusterTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(TagModel))]
public sealed class AddDwsClusterTagCommand : DwsCmdlet
{
    /// <summary>The cluster; accepts clusters (and any object with a ClusterId) from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The tags as a hashtable of key = value, e.g. @{ env = 'prod' }.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public Hashtable Tag { get; set; } = new();

    /// <summary>Writes the cluster's tags after adding.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var tags = ClusterTagInput.FromHashtable(Tag);
        if (!ShouldChange(ClusterId, $"Add tags {string.Join(", ", tags)}", force: false)) return;
        ForItem(ClusterId, () =>
        {
            Await(ct => DwsSession.Tags.AddAsync(ClusterId, tags, ct));
            if (PassThru) WriteObject(Await(ct => DwsSession.Tags.ListAsync(ClusterId, ct)), enumerateCollection: true);
        });
    }
}
