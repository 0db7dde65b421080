using System.Management.Automation;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Completers;
using ClusterModel = DwsPowerShell.Client.Models.Clusters.Cluster;

namespace DwsPowerShell.Commands.Clusters;

/// <summary>Deletes DWS clusters.</summary>
/// <remarks>Deletes each cluster with the V2 API (API reference 5.2.16, DELETE /v2/{project_id}/clusters/{cluster_id}, options in the query) or, with -ApiVersion v1.0, the legacy API (API reference 5.2.15, options in a DELETE body). -KeepLastManualSnapshot keeps that many of the latest manual snapshots (default 0: none); -ReleaseEip also releases the bound EIP (v2 only). Asks for confirmation (ConfirmImpact High) unless -Force; -WhatIf and an explicit -Confirm win over -Force. Without -Wait the cluster is read again and written in its DELETING state; with -Wait the cmdlet waits, with a progress bar, until the cluster is gone and writes nothing. Accepts IDs or any object with a ClusterId property from the pipeline; a failure on one cluster is an error record and the others go on.</remarks>
/// <example title="Delete a cluster and wait until it is gone">
/// <code>
/// Remove-DwsCluster -ClusterId 4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 -Force -Wait -PollIntervalSec 15
/// </code>
/// <para>Deletes without prompting and returns once the cluster no longer exists.</para>
/// </example>
/// <example title="Delete every test cluster, keeping the last manual snapshot">
/// <code>
/// Get-DwsCluster -Name 'test-*' | Remove-DwsCluster -KeepLastManualSnapshot 1 -ReleaseEip
/// </code>
/// <para>Prompts once per cluster; the clusters bind by their ClusterId property.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "DwsCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ClusterModel))]
public sealed class RemoveDwsClusterCommand : DwsLongRunningCmdlet
{
    private const string V2 = "v2";
    private const string V1 = "v1.0";

    /// <summary>IDs of the clusters to delete; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>How many of the latest manual snapshots to keep (default 0: delete them all).</summary>
    [Parameter]
    [Alias("KeepManualSnapshotCount")]
    [ValidateRange(0, int.MaxValue)]
    public int KeepLastManualSnapshot { get; set; }

    /// <summary>Also release the EIP bound to the cluster (v2 only; by default it is kept).</summary>
    [Parameter]
    public SwitchParameter ReleaseEip { get; set; }

    /// <summary>Delete without asking for confirmation (-WhatIf and an explicit -Confirm still win).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>v2 (API reference 5.2.16, the default) or v1.0 (API reference 5.2.15, a DELETE with a body).</summary>
    [Parameter]
    [ValidateSet(V2, V1)]
    public string ApiVersion { get; set; } = V2;

    protected override void Begin()
    {
        if (ApiVersion == V1 && ReleaseEip)
        {
            ThrowDwsError(new ArgumentException("-ReleaseEip needs the v2 API (API reference 5.2.16); -ApiVersion v1.0 cannot release the EIP.", nameof(ReleaseEip)), ApiVersion);
        }
    }

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            if (!ShouldChange(id, "Delete DWS cluster" + (KeepLastManualSnapshot > 0 ? $", keeping the last {KeepLastManualSnapshot} manual snapshot(s)" : ", and all its manual snapshots"), Force)) continue;
            ForItem(id, () =>
            {
                if (ApiVersion == V1) Await(ct => DwsSession.Clusters.DeleteV1Async(id, KeepLastManualSnapshot, ct));
                else Await(ct => DwsSession.Clusters.DeleteAsync(id, KeepLastManualSnapshot, ReleaseEip, ct));

                if (Wait)
                {
                    AwaitWithProgress($"Deleting DWS cluster {id}", async (progress, ct) =>
                    {
                        await DwsSession.Clusters.WaitForDeletionAsync(id, WaitOptions, c => progress(ClusterProgress.Describe(c), null), ct).ConfigureAwait(false);
                        return true;
                    });
                    return;
                }
                var cluster = Await(async ct =>
                {
                    try
                    {
                        return await DwsSession.Clusters.GetAsync(id, ct).ConfigureAwait(false);
                    }
                    catch (DwsApiException ex) when (ex.IsNotFound)
                    {
                        return null; // already gone
                    }
                });
                if (cluster is not null) WriteObject(cluster);
            });
        }
    }
}
