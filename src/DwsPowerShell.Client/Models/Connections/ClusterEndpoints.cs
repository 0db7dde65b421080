using System.Text.Json.Serialization;

namespace DwsPowerShell.Client.Models.Connections;

/// <summary>
/// A cluster's connections (5.9.9): public and private endpoints with their domain names, the VPC endpoint
/// service and the per-instance public IPs. Also where the domain names of 5.9.1–5.9.3 can be read, since
/// those operations have no GET of their own (quirks.md 9).
/// </summary>
public sealed class ClusterEndpoints
{
    /// <summary>Public network connection information; null when the cluster is not reachable from the Internet.</summary>
    public PublicEndpointInfo? PublicEndpoints { get; set; }

    public PrivateEndpointInfo? PrivateEndpoints { get; set; }

    public VpcEndpointServiceInfo? VpcEndpointService { get; set; }

    /// <summary>Per-instance public IPs (documented "Cluster instance connection information").</summary>
    public List<PublicIpInfo>? PublicIpInfos { get; set; }

    /// <summary>The cluster these connections belong to (not in the answer: set from the request).</summary>
    [JsonIgnore]
    public string? ClusterId { get; set; }

    /// <summary>The public IP address, when an EIP is bound.</summary>
    [JsonIgnore]
    public string? PublicIp => PublicEndpoints?.Ip;

    /// <summary>The EIP's ID, when one is bound (what Unregister-DwsClusterEip takes).</summary>
    [JsonIgnore]
    public string? EipId => PublicEndpoints?.IpId;

    /// <summary>The private IP address.</summary>
    [JsonIgnore]
    public string? PrivateIp => PrivateEndpoints?.Ip;

    /// <summary>The public domain name, when one exists.</summary>
    [JsonIgnore]
    public string? PublicDomainName => PublicEndpoints?.DomainName;

    /// <summary>The private domain name, when one exists.</summary>
    [JsonIgnore]
    public string? PrivateDomainName => PrivateEndpoints?.DomainName;

    /// <summary>The IP address of the bound ELB, when there is one.</summary>
    [JsonIgnore]
    public string? ElbIp => PrivateEndpoints?.ElbIp;

    /// <summary>The domain name record of <paramref name="type"/> (public or private): its name and TTL, or nulls.</summary>
    public (string? Name, int? Ttl) DomainName(string type) =>
        DomainNameTypes.Normalize(type) == DomainNameTypes.Public
            ? (PublicEndpoints?.DomainName, PublicEndpoints?.DomainNameTtl)
            : (PrivateEndpoints?.DomainName, PrivateEndpoints?.DomainNameTtl);

    public override string ToString() => $"{PrivateIp} {PublicIp}".Trim();
}

/// <summary>PublicEndpointResponse (5.9.9). ip_bandwidth is documented String but returned as a number (quirks.md 6).</summary>
public sealed class PublicEndpointInfo
{
    public string? Ip { get; set; }

    public string? IpId { get; set; }

    public int? Port { get; set; }

    /// <summary>Bandwidth (Mbit/s), as text whatever type the service sends.</summary>
    public string? IpBandwidth { get; set; }

    public string? DomainName { get; set; }

    public string? DomainNameSuffix { get; set; }

    public string? ZoneName { get; set; }

    public int? DomainNameTtl { get; set; }

    public string? DomainNameStatus { get; set; }

    public bool? Enabled { get; set; }

    public string? IpStatus { get; set; }

    public override string ToString() => $"{Ip}:{Port} {DomainName}".Trim();
}

/// <summary>PrivateEndpointResponse (5.9.9).</summary>
public sealed class PrivateEndpointInfo
{
    public string? Ip { get; set; }

    public int? Port { get; set; }

    public string? DomainName { get; set; }

    public string? DomainNameSuffix { get; set; }

    public string? ZoneName { get; set; }

    public int? DomainNameTtl { get; set; }

    public string? DomainNameStatus { get; set; }

    public string? FailedReason { get; set; }

    public string? ElbIp { get; set; }

    public int? BindManageIpStatus { get; set; }

    public override string ToString() => $"{Ip}:{Port} {DomainName}".Trim();
}

/// <summary>VpcEndPointServiceResponse (5.9.9).</summary>
public sealed class VpcEndpointServiceInfo
{
    public string? Id { get; set; }

    public string? ServiceName { get; set; }

    public string? Status { get; set; }

    public override string ToString() => ServiceName ?? Id ?? string.Empty;
}

/// <summary>PublicIpInfoResponse (5.9.9). bandwidth_size is documented String but returned as a number (quirks.md 6).</summary>
public sealed class PublicIpInfo
{
    public string? InstanceId { get; set; }

    public string? InstanceName { get; set; }

    public string? Id { get; set; }

    public string? Address { get; set; }

    public string? Status { get; set; }

    public string? BandwidthSize { get; set; }

    public override string ToString() => $"{InstanceName} {Address}".Trim();
}
