using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Clusters;

/// <summary>The body of 5.2.54 Saving Cluster Description.</summary>
public sealed class DescriptionRequest
{
    public string? DescriptionInfo { get; set; }
}

/// <summary>
/// The 5.2.54 answer: HTTP 200 with error_code. The reference's success example says "DWS.0138" (quirks.md 1.2),
/// so DWS.0000, DWS.0138 and null are success; <see cref="HasUnexpectedCode"/> flags anything else (warn, not fail).
/// </summary>
public sealed class DescriptionResult
{
    /// <summary>The error_code of the reference's success example (5.2.54).</summary>
    public const string SavedCode = "DWS.0138";

    public string? ErrorCode { get; set; }

    [JsonPropertyName("error_msg")]
    public string? ErrorMessage { get; set; }

    [JsonIgnore]
    public string? ClusterId { get; set; }

    [JsonIgnore]
    public string? Description { get; set; }

    [JsonIgnore]
    public bool HasUnexpectedCode => ErrorCode is not null && ErrorCode != "DWS.0000" && ErrorCode != SavedCode;
}
