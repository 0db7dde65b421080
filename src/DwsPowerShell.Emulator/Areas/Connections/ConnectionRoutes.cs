using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DwsPowerShell.Emulator.Areas.Clusters;
using DwsPowerShell.Emulator.Areas.Jobs;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Connections;

/// <summary>
/// Connection management: 5.9.1–5.9.10. Domain names (one public, one private per cluster; a public one needs an EIP),
/// EIP binding (one per cluster), ELB binding (one per cluster, an ELB of the cluster's VPC, through a job), and the
/// endpoints that show all of it (5.9.9, and 5.2.13 public_ip/public_endpoints/elb).
/// </summary>
internal static partial class ConnectionRoutes
{
    /// <summary>How long the ELB bind/unbind jobs run (emulated time).</summary>
    public static readonly TimeSpan ElbJobDuration = TimeSpan.FromMinutes(1);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_9_1, (HttpContext http, string cluster_id, EmulatorState state) => WriteDomain(http, cluster_id, state, create: true));
        routes.Map(DwsOperations.S5_9_2, (HttpContext http, string cluster_id, EmulatorState state) => WriteDomain(http, cluster_id, state, create: false));
        routes.Map(DwsOperations.S5_9_3, DeleteDomain);
        routes.Map(DwsOperations.S5_9_4, ClusterElbs);
        routes.Map(DwsOperations.S5_9_5, (string cluster_id, string elb_id, EmulatorState state) => BindElb(state, cluster_id, elb_id, bind: true));
        routes.Map(DwsOperations.S5_9_6, (string cluster_id, string elb_id, EmulatorState state) => BindElb(state, cluster_id, elb_id, bind: false));
        routes.Map(DwsOperations.S5_9_7, (string cluster_id, string eip_id, EmulatorState state) => BindEip(state, cluster_id, eip_id));
        routes.Map(DwsOperations.S5_9_8, (string cluster_id, string eip_id, EmulatorState state) => UnbindEip(state, cluster_id, eip_id));
        routes.Map(DwsOperations.S5_9_9, Endpoints);
        routes.Map(DwsOperations.S5_9_10, NetworkElbs);
    }

    // 5.9.1/5.9.2: {name, type, ttl}, all mandatory; name without underscores, ttl 300..2147483647. 200, no body.
    private static async Task<IResult> WriteDomain(HttpContext http, string clusterId, EmulatorState state, bool create)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var name = Wire.RequireString(body!, "name");
        var type = Wire.RequireString(body!, "type");
        var ttl = body!["ttl"] is null ? throw DwsErrors.Missing("ttl") : ReadTtl(body);
        if (type is not ("public" or "private"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: type must be public or private.");
        if (name.Contains('_'))
            throw DwsErrors.BadRequest(DwsErrors.InvalidNamePattern, "The domain name pattern is invalid: a domain name can contain hyphens (-) but not underscores (_).");
        if (!DomainNamePattern().IsMatch(name))
            throw DwsErrors.BadRequest(DwsErrors.InvalidNamePattern, "The domain name pattern is invalid: use 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, create ? "Applying for a domain name" : "Modifying the domain name");
            var current = type == "public" ? state.Connections.Of(c.Id).PublicDomainName : state.Connections.Of(c.Id).PrivateDomainName;
            if (create && current is not null)
                throw new DwsErrorException(409, DwsErrors.DuplicateName, $"The cluster already has a {type} domain name ({current.Name}); modify it instead.");
            if (!create && current is null)
                throw DwsErrors.ResourceNotFound($"{type} domain name of cluster", clusterId);
            if (create && type == "public" && !ConnectionModel.HasEip(c))
                throw DwsErrors.BadRequest(DwsErrors.InvalidEipId, "A public domain name needs an EIP: bind one to the cluster first (POST .../eips/{eip_id}).");
            var record = new ClusterDomainName { Name = name, Ttl = ttl };
            if (type == "public") state.Connections.Of(c.Id).PublicDomainName = record;
            else state.Connections.Of(c.Id).PrivateDomainName = record;
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    private static int ReadTtl(JsonObject body)
    {
        var node = body["ttl"];
        if (node is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.Number || !v.TryGetValue(out long ttl))
            throw DwsErrors.BadRequest(DwsErrors.InvalidFormat, "Invalid format: ttl must be an integer.");
        if (ttl is < 300 or > int.MaxValue)
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: ttl must be 300 to {int.MaxValue} seconds.");
        return (int)ttl;
    }

    // 5.9.3: ?type= is mandatory; only public domain names can be deleted.
    private static IResult DeleteDomain(HttpContext http, string cluster_id, EmulatorState state)
    {
        var type = http.Request.Query["type"].ToString();
        if (type.Length == 0) throw DwsErrors.Missing("type");
        if (type != "public")
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, type == "private"
                ? "The parameter value is out of range: only public domain names can be deleted."
                : "The parameter value is out of range: type must be public.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            if (state.Connections.Of(c.Id).PublicDomainName is null) throw DwsErrors.ResourceNotFound("public domain name of cluster", cluster_id);
            state.Connections.Of(c.Id).PublicDomainName = null;
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    // 5.9.4: the ELBs of the cluster's VPC that are free or bound to this cluster; bandwidth is the 0/1 binding flag.
    private static IResult ClusterElbs(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            ClusterLifecycle.SettleAll(state);
            var elbs = new JsonArray();
            foreach (var elb in ConnectionModel.ElbsOf(c.VpcId))
            {
                var owner = Owner(state, elb);
                if (owner is not null && owner.Id != c.Id) continue;
                elbs.Add(ElbJson(elb, owner, c.SubnetId));
            }
            return Wire.Json(new JsonObject { ["elbs"] = elbs });
        }
    }

    // 5.9.5/5.9.6: 200 {"job_id"}. One ELB per cluster; the ELB must be in the cluster's VPC and not bound elsewhere.
    // A queued fail-next (kind bindelb/unbindelb) fails the job and leaves the binding as it was.
    private static IResult BindElb(EmulatorState state, string clusterId, string elbId, bool bind)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, bind ? "Binding an ELB" : "Unbinding an ELB");
            var elb = ConnectionModel.FindElb(c.VpcId, elbId) ?? throw DwsErrors.ResourceNotFound($"ELB in VPC {c.VpcId}", elbId);
            if (bind)
            {
                if (state.Connections.Of(c.Id).ElbId is { } bound)
                    throw DwsErrors.BadRequest(DwsErrors.Busy, bound == elb.Id
                        ? $"The ELB {elb.Id} is already bound to the cluster."
                        : $"The cluster already has an ELB bound ({bound}); unbind it before binding another.");
                if (Owner(state, elb) is { } other)
                    throw DwsErrors.BadRequest(DwsErrors.Busy, $"The ELB {elb.Id} is bound to another cluster ({other.Id}).");
            }
            else if (state.Connections.Of(c.Id).ElbId != elb.Id)
            {
                throw DwsErrors.ResourceNotFound($"ELB bound to cluster {c.Id}", elbId);
            }
            var kind = bind ? "bindelb" : "unbindelb";
            var failure = state.TakePendingFailure(kind);
            var job = JobRoutes.Start(state, kind, bind ? "dwsBindElbJob" : "dwsUnbindElbJob", c.Id, ElbJobDuration, failure);
            if (failure is null) state.Connections.Of(c.Id).ElbId = bind ? elb.Id : null;
            c.Updated = state.Clock.UtcNow;
            return Wire.Json(new JsonObject { ["job_id"] = job.JobId });
        }
    }

    // 5.9.7: no body, no job. One EIP per cluster.
    private static IResult BindEip(EmulatorState state, string clusterId, string eipId)
    {
        CheckEipId(eipId);
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Binding an EIP");
            if (ConnectionModel.EipId(c) is { } bound)
                throw DwsErrors.BadRequest(DwsErrors.InvalidEipType, $"The cluster already has an EIP bound ({bound}); unbind it first.");
            ClusterLifecycle.SettleAll(state); // a cluster whose deletion has finished no longer holds its EIP
            if (state.Clusters.Values.FirstOrDefault(o => ConnectionModel.EipId(o) == eipId) is { } other)
                throw DwsErrors.BadRequest(DwsErrors.InvalidEipId, $"Invalid EIP ID: the EIP {eipId} is bound to another cluster ({other.Id}).");
            c.PublicBindType = "bind_existing";
            c.EipId = eipId;
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    // 5.9.8: no body, no job. The EIP must be the cluster's.
    private static IResult UnbindEip(EmulatorState state, string clusterId, string eipId)
    {
        CheckEipId(eipId);
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, clusterId);
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Unbinding an EIP");
            if (ConnectionModel.EipId(c) != eipId)
                throw DwsErrors.BadRequest(DwsErrors.EipNotFound, $"The EIP does not exist: {eipId} is not bound to cluster {c.Id}.");
            c.PublicBindType = "not_use";
            c.EipId = "";
            c.Updated = state.Clock.UtcNow;
            return Wire.Empty();
        }
    }

    private static void CheckEipId(string eipId)
    {
        if (!Guid.TryParse(eipId, out _))
            throw DwsErrors.BadRequest(DwsErrors.InvalidEipId, $"Invalid EIP ID: '{eipId}' is not a UUID.");
    }

    // 5.9.9: public_endpoints (null without an EIP), private_endpoints, vpc_endpoint_service (none here), public_ip_infos
    // (the CN instances, for inst_type=dws-cn). Bandwidths are numbers although documented as strings, as in the example.
    private static IResult Endpoints(HttpContext http, string cluster_id, EmulatorState state)
    {
        var instType = http.Request.Query["inst_type"].ToString();
        if (instType.Length > 0 && instType is not ("dws" or "dws-cn"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, "The parameter value is out of range: inst_type must be dws or dws-cn.");
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var eip = ConnectionModel.EipId(c);
            var elb = state.Connections.Find(c.Id)?.ElbId is { } elbId ? ConnectionModel.FindElb(c.VpcId, elbId) : null;
            JsonObject? publicEndpoints = null;
            if (eip is not null || state.Connections.Of(c.Id).PublicDomainName is not null)
            {
                publicEndpoints = new JsonObject
                {
                    ["ip"] = eip is null ? null : ConnectionModel.EipAddress(eip),
                    ["ip_id"] = eip,
                    ["port"] = c.Port,
                    ["ip_bandwidth"] = eip is null ? null : 300,
                };
                AddDomain(publicEndpoints, state.Connections.Of(c.Id).PublicDomainName, state.Options.Region);
                publicEndpoints["enabled"] = eip is not null;
                publicEndpoints["ip_status"] = eip is null ? null : "ACTIVE";
            }
            var privateEndpoints = new JsonObject { ["ip"] = ConnectionModel.PrivateIp(c), ["port"] = c.Port };
            AddDomain(privateEndpoints, state.Connections.Of(c.Id).PrivateDomainName, state.Options.Region);
            privateEndpoints["failed_reason"] = null;
            privateEndpoints["elb_ip"] = elb?.VipAddress;
            privateEndpoints["bind_manage_ip_status"] = 1;

            var ipInfos = new JsonArray();
            if (instType == "dws-cn")
            {
                for (var i = 1; i <= c.NumberOfCn; i++)
                {
                    ipInfos.Add(new JsonObject
                    {
                        ["instance_id"] = DerivedId(c.Id, "cn" + i.ToString(CultureInfo.InvariantCulture)),
                        ["instance_name"] = $"{c.Name}-dws-cn-cn-{i}-1",
                        ["id"] = i == 1 ? eip : null,
                        ["address"] = i == 1 && eip is not null ? ConnectionModel.EipAddress(eip) : null,
                        ["status"] = i == 1 && eip is not null ? "ACTIVE" : null,
                        ["bandwidth_size"] = i == 1 && eip is not null ? 300 : null,
                    });
                }
            }
            return Wire.Json(new JsonObject
            {
                ["public_endpoints"] = publicEndpoints,
                ["private_endpoints"] = privateEndpoints,
                ["vpc_endpoint_service"] = null,
                ["public_ip_infos"] = ipInfos,
            });
        }
    }

    private static void AddDomain(JsonObject target, ClusterDomainName? domain, string region)
    {
        target["domain_name"] = domain?.Name;
        target["domain_name_suffix"] = domain is null ? null : ConnectionModel.DomainSuffix;
        target["zone_name"] = domain is null ? null : $"{region}.{ConnectionModel.DomainSuffix}";
        target["domain_name_ttl"] = domain?.Ttl;
        target["domain_name_status"] = domain is null ? null : "ACTIVE";
    }

    // 5.9.10: vpc_id and subnet_id mandatory; offset/limit; count is the total (the reference's example disagrees with its items).
    private static IResult NetworkElbs(HttpContext http, EmulatorState state)
    {
        var vpc = http.Request.Query["vpc_id"].ToString();
        var subnet = http.Request.Query["subnet_id"].ToString();
        if (vpc.Length == 0) throw DwsErrors.Missing("vpc_id");
        if (subnet.Length == 0) throw DwsErrors.Missing("subnet_id");
        var paging = PageQuery.Read(http, 10);
        lock (state.Gate)
        {
            ClusterLifecycle.SettleAll(state);
            var all = ConnectionModel.ElbsOf(vpc);
            var page = new JsonArray(paging.Of(all).Select(e => (JsonNode)ElbJson(e, Owner(state, e), subnet)).ToArray());
            return Wire.Json(new JsonObject { ["elbs"] = page, ["count"] = all.Count });
        }
    }

    private static ClusterRecord? Owner(EmulatorState state, EmulatedElb elb) =>
        state.Clusters.Values.FirstOrDefault(c => state.Connections.Find(c.Id)?.ElbId == elb.Id && c.VpcId == elb.VpcId && c.DeleteStartedAt is null);

    private static JsonObject ElbJson(EmulatedElb elb, ClusterRecord? owner, string subnetId) => new()
    {
        ["id"] = elb.Id,
        ["cluster_id"] = owner?.Id,
        ["name"] = elb.Name,
        ["description"] = null,
        ["vip_address"] = elb.VipAddress,
        ["vip_subnet_id"] = subnetId,
        ["tenant_id"] = null,
        ["type"] = "Internal",
        ["admin_state_up"] = true,
        ["bandwidth"] = owner is null ? 0 : 1,
        ["vpc_id"] = elb.VpcId,
    };

    private static string DerivedId(string clusterId, string part) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(clusterId + ":" + part)).AsSpan(0, 16)).ToString("D");

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex DomainNamePattern();
}
