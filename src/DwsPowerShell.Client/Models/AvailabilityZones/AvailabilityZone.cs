using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.AvailabilityZones;

/// <summary>An availability zone (5.1.1). Status is documented "Available"/"Unavailable" but returned lowercase (quirks.md 5.2).</summary>
public sealed class AvailabilityZone
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    public string? PublicBorderGroup { get; set; }

    /// <summary>True when <see cref="Status"/> is "available" in any casing.</summary>
    [JsonIgnore]
    public bool IsAvailable => string.Equals(Status?.Trim(), "available", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Code} {Status}".Trim();
}

/// <summary>The 5.1.1 answer.</summary>
internal sealed class AvailabilityZoneList
{
    public List<AvailabilityZone>? AvailabilityZones { get; set; }

    public int? Count { get; set; }
}
