namespace DwsPowerShell.Client;

/// <summary>
/// A cloud that runs the DWS API: its regions and how a region's service and IAM endpoints are named. The presets are
/// in <see cref="DwsClouds"/>; <see cref="DwsClouds.Custom"/> makes one for a Huawei Cloud Stack (or other) domain.
/// </summary>
public sealed class DwsCloud
{
    private readonly DwsRegion[] _regions;
    private readonly Func<string, DwsRegion>? _anyRegion;

    internal DwsCloud(string name, string description, DwsRegion[] regions, Func<string, DwsRegion>? anyRegion = null)
    {
        Name = name;
        Description = description;
        _regions = regions;
        _anyRegion = anyRegion;
    }

    /// <summary>The name <c>-Cloud</c> takes, such as <c>HuaweiCloud</c> or <c>OpenTelekomCloud</c>.</summary>
    public string Name { get; }

    public string Description { get; }

    /// <summary>The regions known by name (a custom cloud lists none and takes any region ID).</summary>
    public IReadOnlyList<DwsRegion> Regions => _regions;

    /// <summary>Whether any region ID is accepted (a custom domain), rather than only <see cref="Regions"/>.</summary>
    public bool AcceptsAnyRegion => _anyRegion is not null;

    /// <summary>The region with this ID (case-insensitive), or null when the cloud does not have it.</summary>
    public DwsRegion? FindRegion(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var trimmed = id!.Trim();
        foreach (var region in _regions)
        {
            if (string.Equals(region.Id, trimmed, StringComparison.OrdinalIgnoreCase)) return region;
        }
        return _anyRegion is not null && DwsSessionChecks.IsRegionId(trimmed) ? _anyRegion(trimmed.ToLowerInvariant()) : null;
    }

    public override string ToString() => Name;
}

/// <summary>The clouds that run the DWS API, chosen by name (<c>Connect-DwsService -Cloud</c>).</summary>
public static class DwsClouds
{
    public const string HuaweiCloudName = "HuaweiCloud";
    public const string HuaweiCloudEuropeName = "HuaweiCloudEurope";
    public const string OpenTelekomCloudName = "OpenTelekomCloud";
    public const string CustomName = "Custom";

    /// <summary>Huawei Cloud: the regions of Huawei's own SDK, with the domain each is on (the default cloud).</summary>
    public static DwsCloud HuaweiCloud { get; } = new(HuaweiCloudName, "Huawei Cloud (myhuaweicloud.com and its regional domains)", DwsRegions.Table);

    /// <summary>Huawei Cloud Europe: the EU regions on myhuaweicloud.eu, IAM included.</summary>
    public static DwsCloud HuaweiCloudEurope { get; } = new(HuaweiCloudEuropeName, "Huawei Cloud Europe (myhuaweicloud.eu)",
        DwsRegions.Table.Where(r => r.Endpoint.Host.EndsWith(".myhuaweicloud.eu", StringComparison.Ordinal)).ToArray());

    /// <summary>
    /// Open Telekom Cloud (T-Systems): eu-de and eu-nl on otc.t-systems.com, the Swiss eu-ch2 on sc.otc.t-systems.com
    /// whose IAM host is iam-pub.
    /// </summary>
    public static DwsCloud OpenTelekomCloud { get; } = new(OpenTelekomCloudName, "Open Telekom Cloud (otc.t-systems.com)", new[]
    {
        new DwsRegion("eu-de", "Germany", "otc.t-systems.com", "otc.t-systems.com", cloud: OpenTelekomCloudName),
        new DwsRegion("eu-nl", "Netherlands", "otc.t-systems.com", "otc.t-systems.com", cloud: OpenTelekomCloudName),
        new DwsRegion("eu-ch2", "Switzerland", "sc.otc.t-systems.com", "sc.otc.t-systems.com", iamHost: "iam-pub", cloud: OpenTelekomCloudName),
    });

    /// <summary>The named clouds.</summary>
    public static IReadOnlyList<DwsCloud> All { get; } = new[] { HuaweiCloud, HuaweiCloudEurope, OpenTelekomCloud };

    /// <summary>The named cloud (case-insensitive), or null.</summary>
    public static DwsCloud? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        return All.FirstOrDefault(c => string.Equals(c.Name, name!.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A cloud on a domain of its own, such as a Huawei Cloud Stack installation: every region ID is accepted, and a
    /// region's endpoints are <c>https://{service}.{region}.{domain}</c> (IAM <c>https://iam.{region}.{domain}</c>;
    /// give the session's IamEndpoint when IAM is elsewhere).
    /// </summary>
    public static DwsCloud Custom(string domain)
    {
        var d = (domain ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        if (!DwsSessionChecks.IsDomainName(d))
            throw new DwsConfigurationException($"The cloud domain {DwsSessionChecks.Shown(domain ?? "")} is not a DNS domain: give it as hcs.example.com (no scheme, no path).");
        return new DwsCloud(CustomName, $"Custom cloud on {d}", Array.Empty<DwsRegion>(), id => new DwsRegion(id, null, d, d, cloud: CustomName));
    }
}
