using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Quotas;

/// <summary>
/// One resource quota (QuotasResource of 5.11.1). The reference documents used as String, quota and unit as
/// Integer, but the example sends quota as a string ("100") and unit as "null" or "GB" (quirks.md 6).
/// </summary>
public sealed class DwsQuota
{
    /// <summary>instances, core, ram, disk or disk_capacity.</summary>
    public string? Type { get; set; }

    /// <summary>Resources in use.</summary>
    public long? Used { get; set; }

    /// <summary>The quota (the most that may be used).</summary>
    public long? Quota { get; set; }

    /// <summary>The unit as the service sends it, "null" included.</summary>
    [JsonPropertyName("unit")]
    public string? UnitText { get; set; }

    /// <summary>The unit (e.g. GB), or null when there is none (the service's "null" string).</summary>
    [JsonIgnore]
    public string? Unit => string.IsNullOrWhiteSpace(UnitText) || string.Equals(UnitText!.Trim(), "null", StringComparison.OrdinalIgnoreCase) ? null : UnitText;

    /// <summary>What is left: quota minus used, never below 0; null when either is unknown.</summary>
    [JsonIgnore]
    public long? Available => Used is { } used && Quota is { } quota ? Math.Max(0, quota - used) : null;

    public override string ToString() => $"{Type} {Used}/{Quota} {Unit}".Trim();
}

/// <summary>The 5.11.1 answer: {"quotas":{"resources":[...]}}.</summary>
internal sealed class QuotaList
{
    public QuotaResources? Quotas { get; set; }
}

/// <summary>QuotasResources (5.11.1).</summary>
internal sealed class QuotaResources
{
    public List<DwsQuota>? Resources { get; set; }
}
