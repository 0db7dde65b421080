namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The 5.2.58 answer: the tenant's available operations (feature names such as ColdStorage).</summary>
public sealed class AvailableActionList
{
    public List<string>? ActionInfo { get; set; }

    public int? Count { get; set; }
}

/// <summary>One operation available to the tenant (5.2.58).</summary>
public sealed class DwsAvailableAction
{
    public DwsAvailableAction(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}
