using DwsPowerShell.Client.Models.Jobs;
using System.Management.Automation;
using DwsPowerShell.Client.Models;

namespace DwsPowerShell.Commands.Jobs;

/// <summary>Gets the progress of asynchronous jobs (5.13.1).</summary>
/// <remarks>Queries a job by ID (API reference 5.13.1, GET /v1.0/{project_id}/job/{job_id}): status, progress such as 9%, and on failure failed_code and failed_detail. Accepts job IDs or the job objects that long-running cmdlets return.</remarks>
/// <example title="Check a job">
/// <code>
/// Get-DwsJob -JobId 2c9080e8845b207101845b245e1e0001
/// </code>
/// <para>Shows the job status and progress.</para>
/// </example>
/// <example title="Check the job of a scale-in">
/// <code>
/// Resize-DwsCluster -ClusterId $id -RemoveNodeCount 3 -Force | Get-DwsJob
/// </code>
/// <para>The job object binds by its JobId property.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "DwsJob")]
[OutputType(typeof(DwsJob))]
public sealed class GetDwsJobCommand : DwsCmdlet
{
    /// <summary>Job IDs; accepts job objects from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] JobId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (var id in JobId)
        {
            ForItem(id, () => WriteObject(Await(ct => DwsSession.Jobs.GetAsync(id, ct))));
        }
    }
}
