using System.Collections;
using System.Globalization;

namespace DwsPowerShell.Client.Models.Workload;

/// <summary>
/// Queue settings of a plan stage given as a dictionary, the shape a PowerShell hashtable has:
/// <c>@{ etl = @{ cpu = 40; memory = 50 }; report = @{ concurrency = 10 } }</c> (queue name to
/// resource name to value). Resource names match <see cref="WorkloadResourceNames"/> in any casing.
/// </summary>
public static class WorkloadQueues
{
    private static readonly string[] s_resourceNames =
    {
        WorkloadResourceNames.Cpu, WorkloadResourceNames.CpuLimit, WorkloadResourceNames.Memory,
        WorkloadResourceNames.Concurrency, WorkloadResourceNames.ShortQueryConcurrencyNum,
    };

    /// <summary>Reads queue name → (resource name → integer value) into queues, in the dictionary's order.</summary>
    /// <param name="parameterName">Named in the messages of the exceptions.</param>
    public static List<WorkloadPlanQueue> FromDictionary(IDictionary queues, string parameterName = "queues")
    {
        if (queues is null) throw new ArgumentNullException(parameterName, $"{parameterName} is required.");
        var result = new List<WorkloadPlanQueue>();
        foreach (DictionaryEntry entry in queues)
        {
            var queueName = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(queueName)) throw new ArgumentException($"{parameterName} has a queue with an empty name: name every queue (a resource pool of the cluster).", parameterName);
            if (entry.Value is not IDictionary resources || resources.Count == 0)
            {
                throw new ArgumentException(
                    $"{parameterName}: queue '{queueName}' needs its resources as a hashtable, such as @{{ {queueName} = @{{ cpu = 20; memory = 30 }} }}.", parameterName);
            }
            var queue = new WorkloadPlanQueue { QueueName = queueName!, QueueResources = new List<WorkloadResourceItem>() };
            foreach (DictionaryEntry resource in resources)
            {
                queue.SetResource(ResourceName(resource.Key, queueName!, parameterName), ResourceValue(resource.Value, queueName!, resource.Key, parameterName));
            }
            result.Add(queue);
        }
        return result;
    }

    /// <summary>
    /// Applies <paramref name="changes"/> to <paramref name="stage"/>: each named resource of each queue
    /// is set (a queue or resource the stage lacks is added); everything else stays as it is.
    /// </summary>
    public static void Merge(WorkloadPlanStage stage, IEnumerable<WorkloadPlanQueue> changes)
    {
        if (stage is null) throw new ArgumentNullException(nameof(stage));
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        stage.QueueList ??= new List<WorkloadPlanQueue>();
        foreach (var change in changes)
        {
            var queue = stage.QueueList.FirstOrDefault(q => string.Equals(q.QueueName, change.QueueName, StringComparison.Ordinal));
            if (queue is null)
            {
                stage.QueueList.Add(change.Clone());
                continue;
            }
            foreach (var item in change.QueueResources ?? new List<WorkloadResourceItem>())
            {
                if (item.ResourceName is not null && item.ResourceValue is not null) queue.SetResource(item.ResourceName, item.ResourceValue.Value);
            }
        }
    }

    private static string ResourceName(object key, string queueName, string parameterName)
    {
        var text = Convert.ToString(key, CultureInfo.InvariantCulture)?.Trim();
        return s_resourceNames.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{parameterName}: queue '{queueName}' has resource '{text}', which is not one of {string.Join(", ", s_resourceNames)}.", parameterName);
    }

    private static int ResourceValue(object? value, string queueName, object key, string parameterName)
    {
        switch (value)
        {
            case int i: return i;
            case long or short or byte when Convert.ToInt64(value, CultureInfo.InvariantCulture) is >= int.MinValue and <= int.MaxValue:
                return Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }
        // Anything else (a string, or a wrapper object such as PowerShell's) by its text.
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw new ArgumentException($"{parameterName}: queue '{queueName}' resource '{key}' is '{text}', not a whole number (percent for cpu/cpu_limit/memory, a count or -1 for the others).", parameterName);
    }
}
