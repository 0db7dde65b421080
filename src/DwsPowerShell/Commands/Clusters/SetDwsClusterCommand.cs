using System.Management.Automation;
using DwsPowerShell.Client.Areas;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Changes settings of DWS clusters: the security groups or the description.</summary>
/// <remarks>-SecurityGroupId replaces the cluster's whole set of security groups (API reference 5.2.2, PUT /v1/{project_id}/clusters/{cluster_id}/security-group): the cluster is read first (API reference 5.2.13) so the confirmation message shows the old and the new groups. -Description saves the cluster description (API reference 5.2.54, POST /v1/{project_id}/clusters/{cluster_id}/description); the API cannot read a description back, so the message shows only the new text. The service answers 5.2.54 with HTTP 200 and an error_code; its success example says DWS.0138, so DWS.0000 and DWS.0138 are success and any other code is written as a warning. Accepts IDs and any object with a ClusterId property from the pipeline; -PassThru writes the cluster afterwards.</remarks>
/// <example title="Replace the security groups of a cluster">
/// <code>
/// Set-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -SecurityGroupId b3c812cb-2d90-4d89-a3df-c5480d915e2e, 0fbe2c34-8123-42b5-955f-242229e9318e
/// </code>
/// <para>Asks for confirmation showing the old and new groups, then sets exactly these two groups.</para>
/// </example>
/// <example title="Describe every production cluster">
/// <code>
/// Get-DwsCluster -Name 'prod-*' | Set-DwsCluster -Description 'Production warehouse, owner: data platform team' -PassThru
/// </code>
/// <para>Saves the description of each matching cluster and writes the clusters.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "DwsCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DescriptionSet)]
[OutputType(typeof(ClusterModel))]
public sealed class SetDwsClusterCommand : DwsCmdlet
{
    private const string SecurityGroupSet = "SecurityGroup";
    private const string DescriptionSet = "Description";

    /// <summary>IDs of the clusters to change; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>The security group IDs the cluster is to have; they replace its whole set.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SecurityGroupSet)]
    [ValidateNotNullOrEmpty]
    public string[] SecurityGroupId { get; set; } = Array.Empty<string>();

    /// <summary>The cluster description to save (an empty string clears it).</summary>
    [Parameter(Mandatory = true, ParameterSetName = DescriptionSet)]
    [AllowEmptyString]
    public string Description { get; set; } = string.Empty;

    /// <summary>Write the cluster after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            ForItem(id, () =>
            {
                if (ParameterSetName == SecurityGroupSet)
                {
                    var cluster = Await(ct => DwsSession.Clusters.GetAsync(id, ct));
                    var old = ClustersApi.SecurityGroupsOf(cluster);
                    var target = $"{cluster.Name} ({id})";
                    var action = $"Replace security groups [{string.Join(", ", old)}] -> [{string.Join(", ", SecurityGroupId)}]";
                    if (!ShouldChange(target, action, force: false)) return;
                    Await(ct => DwsSession.Clusters.SetSecurityGroupsAsync(id, SecurityGroupId, ct));
                }
                else
                {
                    if (!ShouldChange(id, $"Set description to '{Description}'", force: false)) return;
                    var result = Await(ct => DwsSession.Clusters.SetDescriptionAsync(id, Description, ct));
                    if (result.HasUnexpectedCode)
                    {
                        WriteWarning($"Cluster {id}: the service saved the description with HTTP 200 but answered error_code {result.ErrorCode} {result.ErrorMessage}".TrimEnd() + ".");
                    }
                }
                if (PassThru) WriteObject(Await(ct => DwsSession.Clusters.GetAsync(id, ct)));
            });
        }
    }
}
