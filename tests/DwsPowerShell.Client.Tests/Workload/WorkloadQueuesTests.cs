using System.Collections;
using System.Collections.Specialized;
using DwsPowerShell.Client.Models.Workload;

namespace DwsPowerShell.Client.Tests.Workload;

public class WorkloadQueuesTests
{
    private static OrderedDictionary Queues(params (string Queue, (object Name, object? Value)[] Resources)[] queues)
    {
        var d = new OrderedDictionary();
        foreach (var (queue, resources) in queues)
        {
            var r = new Hashtable();
            foreach (var (name, value) in resources) r[name] = value;
            d[queue] = r;
        }
        return d;
    }

    [Fact]
    public void Reads_queues_in_order_with_canonical_resource_names_and_lenient_numbers()
    {
        var queues = WorkloadQueues.FromDictionary(Queues(
            ("etl", new (object, object?)[] { ("CPU", 40), ("Memory", 50L) }),
            ("report", new (object, object?)[] { ("shortqueryconcurrencynum", "-1"), ("concurrency", " 10 ") })));

        Assert.Equal(new[] { "etl", "report" }, queues.Select(q => q.QueueName));
        Assert.Equal(40, queues[0].GetResource("cpu"));
        Assert.Equal(50, queues[0].GetResource("memory"));
        Assert.Equal(new[] { "cpu", "memory" }, queues[0].QueueResources!.Select(r => r.ResourceName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(-1, queues[1].GetResource(WorkloadResourceNames.ShortQueryConcurrencyNum));
        Assert.Contains("shortQueryConcurrencyNum", queues[1].QueueResources!.Select(r => r.ResourceName));
        Assert.Equal(10, queues[1].GetResource("concurrency"));
    }

    [Fact]
    public void A_value_wrapped_in_an_object_is_read_by_its_text()
    {
        var queues = WorkloadQueues.FromDictionary(Queues(("etl", new (object, object?)[] { ("cpu", new Wrapper(25)) })));
        Assert.Equal(25, queues[0].GetResource("cpu"));
    }

    [Theory]
    [InlineData("gpu", 1, "gpu")]
    [InlineData("cpu", "lots", "not a whole number")]
    [InlineData("cpu", null, "not a whole number")]
    public void Bad_resources_are_refused_naming_the_queue(string name, object? value, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => WorkloadQueues.FromDictionary(Queues(("etl", new (object, object?)[] { (name, value) })), "QueueResource"));
        Assert.Equal("QueueResource", ex.ParamName);
        Assert.Contains("etl", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_queue_without_a_resource_table_is_refused()
    {
        var d = new Hashtable { ["etl"] = 5 };
        Assert.Contains("hashtable", Assert.Throws<ArgumentException>(() => WorkloadQueues.FromDictionary(d)).Message);
        Assert.Throws<ArgumentException>(() => WorkloadQueues.FromDictionary(new Hashtable { ["etl"] = new Hashtable() }));
    }

    [Fact]
    public void Merge_sets_only_the_named_resources_and_adds_missing_queues()
    {
        var stage = new WorkloadPlanStage
        {
            StageName = "day",
            QueueList = new List<WorkloadPlanQueue>
            {
                new() { QueueName = "etl", QueueResources = new() { new() { ResourceName = "cpu", ResourceValue = 10 }, new() { ResourceName = "memory", ResourceValue = 20 } } },
                new() { QueueName = "adhoc", QueueResources = new() { new() { ResourceName = "cpu", ResourceValue = 5 } } },
            },
        };

        WorkloadQueues.Merge(stage, WorkloadQueues.FromDictionary(Queues(
            ("etl", new (object, object?)[] { ("cpu", 60), ("concurrency", 4) }),
            ("report", new (object, object?)[] { ("memory", 30) }))));

        Assert.Equal(new[] { "etl", "adhoc", "report" }, stage.QueueList!.Select(q => q.QueueName));
        Assert.Equal(60, stage.QueueList[0].GetResource("cpu"));
        Assert.Equal(20, stage.QueueList[0].GetResource("memory"));
        Assert.Equal(4, stage.QueueList[0].GetResource("concurrency"));
        Assert.Equal(5, stage.QueueList[1].GetResource("cpu"));
        Assert.Equal(30, stage.QueueList[2].GetResource("memory"));
    }

    private sealed class Wrapper(int value)
    {
        public override string ToString() => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
