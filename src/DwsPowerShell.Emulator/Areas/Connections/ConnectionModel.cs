using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Connections;

/// <summary>A domain name of a cluster (5.9.1–5.9.3), kept in <see cref="ClusterConnections"/>.</summary>
public sealed class ClusterDomainName
{
    public string Name { get; set; } = "";
    public int Ttl { get; set; } = 300;
}

/// <summary>An ELB of the emulated VPCs: every VPC has the same number of them, derived from its id.</summary>
public sealed record EmulatedElb(string Id, string Name, string VipAddress, string VpcId);

/// <summary>
/// The ELBs and EIP addresses of the emulated network, and the connection shapes other areas show
/// (5.2.13 public_endpoints and elb). Call under state.Gate.
/// </summary>
public static class ConnectionModel
{
    /// <summary>ELBs per VPC (enough to page through 5.9.10 with a small limit).</summary>
    public const int ElbsPerVpc = 5;

    public const string DomainSuffix = "dws.myhuaweiclouds.com";

    public static IReadOnlyList<EmulatedElb> ElbsOf(string vpcId) =>
        Enumerable.Range(1, ElbsPerVpc).Select(i =>
        {
            var hash = Hash($"elb:{vpcId}:{i}");
            return new EmulatedElb(new Guid(hash.AsSpan(0, 16)).ToString("D"), $"elb-{Hex(hash, 2)}-{i}",
                $"192.168.{hash[0] % 250 + 1}.{200 + i}", vpcId);
        }).ToList();

    public static EmulatedElb? FindElb(string vpcId, string elbId) =>
        ElbsOf(vpcId).FirstOrDefault(e => string.Equals(e.Id, elbId, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the cluster has an EIP (bound with 5.9.7, or assigned at creation).</summary>
    public static bool HasEip(ClusterRecord c) => c.PublicBindType != "not_use";

    /// <summary>The EIP's id: the one bound, or one derived from the cluster for an auto-assigned EIP.</summary>
    public static string? EipId(ClusterRecord c) =>
        !HasEip(c) ? null : c.EipId.Length > 0 ? c.EipId : new Guid(Hash("eip:" + c.Id).AsSpan(0, 16)).ToString("D");

    /// <summary>The public address of an EIP id (stable for the id).</summary>
    public static string EipAddress(string eipId)
    {
        var h = Hash("eip-address:" + eipId);
        return $"100.{h[0] % 120 + 64}.{h[1]}.{h[2] % 253 + 1}";
    }

    public static string PrivateIp(ClusterRecord c)
    {
        var hash = (uint)c.Id.Aggregate(17, (h, ch) => unchecked(h * 31 + ch));
        return $"192.168.{hash % 250 + 1}.{hash / 250 % 250 + 2}";
    }

    /// <summary>5.2.6/5.2.13 public_endpoints: one entry while an EIP is bound.</summary>
    public static JsonArray PublicEndpoints(ClusterRecord c)
    {
        if (EipId(c) is not { } eip) return new JsonArray();
        var address = EipAddress(eip);
        return new JsonArray(new JsonObject
        {
            ["public_connect_info"] = $"{address}:{c.Port}",
            ["jdbc_url"] = $"jdbc:postgresql://{address}:{c.Port}/<YOUR_DATABASE_name>",
        });
    }

    /// <summary>5.2.13 elb (ElbResp): the bound ELB, or null.</summary>
    public static JsonObject? Elb(EmulatorState state, ClusterRecord c)
    {
        if (state.Connections.Find(c.Id)?.ElbId is not { } elbId || FindElb(c.VpcId, elbId) is not { } elb) return null;
        return new JsonObject
        {
            ["id"] = elb.Id,
            ["name"] = elb.Name,
            ["public_ip"] = null,
            ["private_ip"] = elb.VipAddress,
            ["private_endpoint"] = $"{elb.VipAddress}:{c.Port}",
            ["vpc_id"] = elb.VpcId,
        };
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static string Hex(byte[] bytes, int count) => Convert.ToHexStringLower(bytes, 0, count);
}
