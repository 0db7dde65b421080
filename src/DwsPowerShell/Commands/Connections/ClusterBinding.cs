using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models.Connections;

namespace DwsPowerShell.Commands.Connections;

/// <summary>
/// Binding or unbinding a cluster's ELB (5.9.5, 5.9.6): -ClusterId and -ElbId bind from Get-DwsElb output; the job is
/// written at once, or with -Wait the cluster once it is done.
/// </summary>
public abstract class ClusterElbCmdlet : DwsLongRunningCmdlet
{
    /// <summary>The cluster; accepts clusters, ELBs from Get-DwsElb -ClusterId, and any object with a ClusterId from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The ELB; accepts ELBs from Get-DwsElb from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ElbId { get; set; } = string.Empty;

    /// <summary>The change as -WhatIf and -Confirm name it, and its progress activity.</summary>
    protected abstract (string Action, string Activity) Describe();

    /// <summary>The client call.</summary>
    protected abstract Task<DwsJob> SendAsync(CancellationToken ct);

    protected override void ProcessRecord()
    {
        var (action, activity) = Describe();
        if (!ShouldChange(ClusterId, action, force: false)) return;
        ForItem(ClusterId, () => WriteJob(SendAsync, activity, ct => DwsSession.Clusters.GetAsync(ClusterId, ct)));
    }
}

/// <summary>
/// Binding or unbinding a cluster's EIP (5.9.7, 5.9.8): the service answers with no body and no job, and the API has no
/// GET of the binding, so the cluster's connections (5.9.9) are then read and written.
/// </summary>
public abstract class ClusterEipCmdlet : DwsCmdlet
{
    /// <summary>The cluster; accepts clusters, connections from Get-DwsClusterEndpoint and any object with a ClusterId from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The ID of the EIP; accepts objects with an EipId property (such as connections from Get-DwsClusterEndpoint) from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string EipId { get; set; } = string.Empty;

    /// <summary>The change as -WhatIf and -Confirm name it.</summary>
    protected abstract string Action { get; }

    /// <summary>The client call.</summary>
    protected abstract Task SendAsync(CancellationToken ct);

    protected override void ProcessRecord()
    {
        if (!ShouldChange(ClusterId, Action, force: false)) return;
        ForItem(ClusterId, () =>
        {
            Await(SendAsync);
            WriteObject(Await(ct => DwsSession.Connections.GetEndpointsAsync(ClusterId, cancellationToken: ct)));
        });
    }
}
