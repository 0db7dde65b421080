using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.AvailabilityZones;

/// <summary>An availability zone (5.1.1). Status is documented "Available"/"Unavailable" but returned lowercase (quirks.md 5.2).</summary>
public sealed class AvailabilityZone
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("public_border_group")]
    public string? PublicBorderGroup { get; set; }

    /// <summary>True when <see cref="Status"/> is "available" in any casing.</summary>
    [JsonIgnore]
    public bool IsAvailable => string.Equals(Status?.Trim(), "available", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Code} {Status}".Trim();
}

/// <summary>The 5.1.1 answer.</summary>
internal sealed class AvailabilityZoneList
{
    [JsonPropertyName("availability_zones")]
    public List<AvailabilityZone>? AvailabilityZones { get; set; }

    [JsonPropertyName("count")]
    public int? Count { get; set; }
}
