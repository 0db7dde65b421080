using System.Management.Automation;
using DwsPowerShell.Client.Models.Jobs;
using DwsPowerShell.Completers;

namespace DwsPowerShell;

/// <summary>
/// A cmdlet that reads one answer for each cluster given: -ClusterId takes IDs, and objects with a ClusterId property,
/// from the pipeline; a failed cluster is an error on that ID and the next one is read.
/// </summary>
/// <typeparam name="T">The client's answer for one cluster.</typeparam>
public abstract class DwsClusterReadCmdlet<T> : DwsCmdlet
{
    /// <summary>IDs of the clusters; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>The client call for one cluster.</summary>
    protected abstract Task<T> ReadAsync(string clusterId, CancellationToken ct);

    /// <summary>What is written for one cluster's answer: the answer itself, or a list in it, written item by item.</summary>
    protected virtual object? Output(T answer) => answer;

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            ForItem(id, () => WriteObject(Output(Await(ct => ReadAsync(id, ct))), enumerateCollection: true));
        }
    }
}

/// <summary>
/// A cmdlet that lists the items of one cluster, every page, honouring -First, -Skip and -IncludeTotalCount when the
/// derived cmdlet declares SupportsPaging: -ClusterId binds from the ClusterId property of piped objects.
/// </summary>
/// <typeparam name="T">One listed item.</typeparam>
public abstract class DwsClusterListCmdlet<T> : DwsCmdlet
{
    /// <summary>The cluster to list from; accepts clusters from Get-DwsCluster and any object with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string ClusterId { get; set; } = string.Empty;

    /// <summary>The client's list for one cluster.</summary>
    protected abstract IAsyncEnumerable<T> List(string clusterId, CancellationToken ct);

    /// <summary>The items to keep; null when nothing is filtered (so that -IncludeTotalCount can use the service's total).</summary>
    protected virtual Func<T, bool>? Filter => null;

    protected override void ProcessRecord() => ForItem(ClusterId, () => WriteAll(ct => List(ClusterId, ct), Filter));
}

/// <summary>
/// A change of each cluster given that the service answers with a job (start, stop, switch back, encrypt): -ClusterId
/// takes IDs and objects with a ClusterId property from the pipeline; each cluster is confirmed, then its job written
/// at once or, with -Wait, once done.
/// </summary>
public abstract class DwsClusterJobCmdlet : DwsLongRunningCmdlet
{
    /// <summary>IDs of the clusters; accepts IDs and objects with a ClusterId property from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterIdCompleter))]
    public string[] ClusterId { get; set; } = Array.Empty<string>();

    /// <summary>The change as -WhatIf and -Confirm name it ("Start DWS cluster").</summary>
    protected abstract string Action { get; }

    /// <summary>The progress bar's activity while one cluster's job is waited for.</summary>
    protected abstract string Activity(string clusterId);

    /// <summary>The client call for one cluster.</summary>
    protected abstract Task<DwsJob> SendAsync(string clusterId, CancellationToken ct);

    /// <summary>-Force, for a cmdlet that has it.</summary>
    protected virtual bool Forced => false;

    /// <summary>A high-risk change on a Medium cmdlet asks again unless -Force (quirks.md 10).</summary>
    protected virtual bool HighRisk => false;

    protected override void ProcessRecord()
    {
        foreach (var id in ClusterId)
        {
            if (!ShouldChange(id, Action, Forced, HighRisk)) continue;
            ForItem(id, () => WriteJob(id, ct => SendAsync(id, ct), Activity(id)));
        }
    }
}
