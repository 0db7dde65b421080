namespace DwsPowerShell.Client;

/// <summary>A region of a cloud where DWS runs, and the service endpoints a session derives from it.</summary>
public sealed class DwsRegion
{
    private readonly string _serviceDomain;

    internal DwsRegion(string id, string? name, string dwsDomain = DwsRegions.DefaultDomain, string iamDomain = DwsRegions.DefaultDomain,
        string iamHost = "iam", string cloud = DwsClouds.HuaweiCloudName)
    {
        Id = id;
        Name = name;
        Cloud = cloud;
        _serviceDomain = dwsDomain;
        Endpoint = ServiceEndpoint("dws");
        IamEndpoint = new Uri($"https://{iamHost}.{id}.{iamDomain}");
    }

    /// <summary>The region ID, such as <c>eu-west-101</c>.</summary>
    public string Id { get; }

    /// <summary>The console's name for the region (such as <c>EU-Dublin</c>), where known.</summary>
    public string? Name { get; }

    /// <summary>The name of the cloud the region belongs to (<see cref="DwsClouds"/>).</summary>
    public string Cloud { get; }

    /// <summary>The DWS endpoint of the region.</summary>
    public Uri Endpoint { get; }

    /// <summary>The IAM endpoint of the region (tokens, project lookup).</summary>
    public Uri IamEndpoint { get; }

    /// <summary>
    /// The endpoint of another service of the same cloud in this region, <c>https://{service}.{region}.{domain}</c>
    /// (<c>cdm</c>, <c>sfs</c>, <c>ddm</c>, ...); <c>iam</c> gives <see cref="IamEndpoint"/>.
    /// </summary>
    public Uri ServiceEndpoint(string service)
    {
        CheckServiceName(service);
        var name = service.Trim().ToLowerInvariant();
        return name == "iam" && IamEndpoint is not null ? IamEndpoint : new Uri($"https://{name}.{Id}.{_serviceDomain}");
    }

    /// <summary>Refuses what cannot be a service's host label (letters, digits and '-', at most 63).</summary>
    internal static void CheckServiceName(string? service)
    {
        if (service is null || !DwsSessionChecks.IsLabel(service.Trim(), 63))
            throw new ArgumentException($"'{service}' is not a service name: use letters, digits and '-' (such as dws, cdm, sfs, ddm).", nameof(service));
    }

    public override string ToString() => Id;
}

/// <summary>
/// The Huawei Cloud regions whose DWS endpoint is known (<see cref="DwsClouds.HuaweiCloud"/>), so that a region alone is enough to connect. The list and
/// the endpoints' domains are those of Huawei Cloud's own DWS SDK (its DwsRegion and IamRegion tables):
/// not every region is on myhuaweicloud.com. A region not listed (a private or newer one) needs an
/// explicit endpoint.
/// </summary>
public static class DwsRegions
{
    internal const string DefaultDomain = "myhuaweicloud.com";
    private const string Europe = "myhuaweicloud.eu";
    private const string China = "myhuaweicloud.cn";

    internal static readonly DwsRegion[] Table =
    {
        new("ae-ad-1", null),
        new("af-north-1", "AF-Cairo"),
        new("af-south-1", "AF-Johannesburg"),
        new("ap-southeast-1", "CN-Hong Kong"),
        new("ap-southeast-2", "AP-Bangkok"),
        new("ap-southeast-3", "AP-Singapore"),
        new("ap-southeast-4", "AP-Jakarta", China),
        new("ap-southeast-5", "AP-Manila"),
        new("cn-east-2", "CN East-Shanghai2"),
        new("cn-east-3", "CN East-Shanghai1"),
        new("cn-east-4", null, China),
        new("cn-east-5", "CN East-Qingdao"),
        new("cn-north-1", "CN North-Beijing1"),
        new("cn-north-11", null),
        new("cn-north-12", null, China),
        new("cn-north-2", "CN North-Beijing2"),
        new("cn-north-4", "CN North-Beijing4"),
        new("cn-north-9", "CN North-Ulanqab1"),
        new("cn-south-1", "CN South-Guangzhou"),
        new("cn-south-4", null, China),
        new("cn-southwest-2", "CN Southwest-Guiyang1"),
        new("cn-southwest-3", null),
        new("eu-west-101", "EU-Dublin", Europe, Europe),
        new("la-north-2", "LA-Mexico City2"),
        new("la-south-2", "LA-Santiago"),
        new("me-east-1", "ME-Riyadh"),
        new("my-kualalumpur-1", null),
        new("na-mexico-1", "LA-Mexico City1"),
        new("ru-moscow-1", "RU-Moscow"),
        new("sa-brazil-1", "LA-Sao Paulo1"),
        new("tr-west-1", "TR-Istanbul", China),
    };

    /// <summary>Every known region, ordered by ID.</summary>
    public static IReadOnlyList<DwsRegion> All => Table;

    /// <summary>The region with this ID (case-insensitive), or null when it is not known.</summary>
    public static DwsRegion? Find(string? id) => DwsClouds.HuaweiCloud.FindRegion(id);
}
