using System.Management.Automation;
using DwsPowerShell.Client.Models;

namespace DwsPowerShell.Commands.Job;

/// <summary>Gets the progress of asynchronous jobs (5.13.1).</summary>
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
            try
            {
                WriteObject(Await(ct => DwsSession.Jobs.GetAsync(id, ct)));
            }
            catch (Exception ex) when (ex is not PipelineStoppedException and not OperationCanceledException)
            {
                WriteDwsError(ex, id);
            }
        }
    }
}
