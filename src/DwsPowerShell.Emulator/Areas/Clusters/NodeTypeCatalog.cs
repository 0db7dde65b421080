namespace DwsPowerShell.Emulator.Areas.Clusters;

public sealed record NodeTypeSpec(string SpecName, string Id, string DatastoreType, int Vcpus, int RamGb, string VolumeType, int VolumeSizeGb, bool Elastic);

/// <summary>The flavors the emulator sells (two from the reference's examples, three current ones).</summary>
public static class NodeTypeCatalog
{
    public static readonly IReadOnlyList<string> DatastoreVersions = ["8.1.3.333", "8.2.0", "8.2.1"];

    public static readonly IReadOnlyList<NodeTypeSpec> All =
    [
        new("dws.d2.xlarge", "ebe532d6-665f-40e6-a4d4-3c51545b6a67", "dws", 4, 32, "SSD", 160, false),
        new("dws.m1.xlarge.ultrahigh", "2d6b2b1e-6a3c-4c5c-9a26-0b4d1c2f3a01", "dws", 4, 32, "SSD", 200, false),
        new("dwsk2.xlarge", "5f0e1c8a-3b7d-4e2f-8a61-7c9d0e1f2a02", "dws", 4, 32, "SSD", 100, true),
        new("dws2.m6.4xlarge.8", "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c03", "dws", 16, 128, "SSD", 100, true),
        new("dws2.olap.4xlarge.i3", "c4d5e6f7-0819-4a2b-b3c4-d5e6f7a8b904", "hybrid", 16, 128, "SSD", 3350, false),
    ];

    public static NodeTypeSpec? Find(string name) => All.FirstOrDefault(s => s.SpecName == name);
}
