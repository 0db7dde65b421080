using DwsPowerShell.Client.Models.Jobs;
using System.Collections;
using System.Management.Automation;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Commands.Jobs;

/// <summary>What Wait-DwsJob takes as a job, and the words it refuses anything else with.</summary>
internal static class JobInput
{
    /// <summary>
    /// A ClusterTask (returned as is), a DwsJob, a string, or an object with a non-empty JobId property (the
    /// job ID goes to <paramref name="jobId"/>; the return value is the input); null for anything else.
    /// </summary>
    public static object? Classify(object? input, out string? jobId, out string? clusterId)
    {
        jobId = null;
        clusterId = null;
        var value = input is PSObject ps ? ps.BaseObject : input;
        switch (value)
        {
            case ClusterTask task:
                return task;
            case DwsJob job when !string.IsNullOrWhiteSpace(job.JobId):
                jobId = job.JobId;
                clusterId = job.ClusterId;
                return job;
            case string text when !string.IsNullOrWhiteSpace(text):
                jobId = text;
                return text;
        }
        if (input is null || value is DwsJob) return null;
        var wrapped = input as PSObject ?? PSObject.AsPSObject(input);
        if (wrapped.Properties["JobId"]?.Value is string id && !string.IsNullOrWhiteSpace(id))
        {
            jobId = id;
            clusterId = wrapped.Properties["ClusterId"]?.Value as string;
            return input;
        }
        return null;
    }

    public static string Refusal(object? input)
    {
        var value = input is PSObject ps ? ps.BaseObject : input;
        var what = value switch
        {
            null => "nothing",
            string => "an empty string",
            DwsJob => "a job with no JobId",
            _ => $"a {value.GetType().Name} ('{value}')",
        };
        return $"Wait-DwsJob waits for jobs, and it was given {what}, which is not one. Give job IDs with -JobId, or pipe the DwsJob objects " +
            "(or ClusterTask objects) that cmdlets such as Resize-DwsCluster, Stop-DwsCluster and New-DwsSnapshot write, or objects with a JobId property; " +
            "to wait for a cluster itself, use Wait-DwsCluster.";
    }
}

/// <summary>
/// -JobId takes job ID strings and DwsJob objects (their JobId); any other object is refused here, naming the
/// parameter, instead of being turned into its text and sent as a job ID.
/// </summary>
internal sealed class JobIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        if (value is null || value is string) return inputData;
        if (value is IEnumerable items && value is not IDictionary)
        {
            var ids = new List<string>();
            foreach (var item in items) ids.Add(One(item));
            return ids.ToArray();
        }
        return One(inputData);
    }

    private static string One(object? item)
    {
        var value = item is PSObject ps ? ps.BaseObject : item;
        if (value is ClusterTask)
        {
            throw new ArgumentTransformationMetadataException(
                "-JobId takes job IDs, and a ClusterTask (a scale-in the service answered without a job) has none: pipe it instead (`$task | Wait-DwsJob`), which waits on its cluster.");
        }
        if (JobInput.Classify(item, out var jobId, out _) is not null) return jobId!;
        throw new ArgumentTransformationMetadataException(JobInput.Refusal(item));
    }
}
