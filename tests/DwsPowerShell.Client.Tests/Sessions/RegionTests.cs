using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Sessions;

/// <summary>A region alone must name a known region (issue 10: a mistyped one only failed at the first call, on DNS).</summary>
public class RegionTests
{
    private static DwsSessionOptions Options(string? region, Uri? endpoint = null, FakeEnvironment? environment = null) => new()
    {
        Region = region,
        Endpoint = endpoint,
        ProjectId = "p1",
        Credentials = new AccessKeyCredentials(TestSessions.Ak, TestSessions.Sk),
        Environment = environment ?? new FakeEnvironment(),
    };

    [Fact]
    public void An_unknown_region_without_an_endpoint_fails_at_once_listing_the_known_regions()
    {
        var ex = Assert.Throws<DwsUnknownRegionException>(() => new DwsSession(Options("xx-nowhere-9")));
        Assert.Equal("xx-nowhere-9", ex.Region);
        Assert.Equal("Region", ex.Setting);
        Assert.StartsWith("Region 'xx-nowhere-9' is not a region of Huawei Cloud (myhuaweicloud.com and its regional domains) whose DWS endpoint is known", ex.Message);
        Assert.Contains("eu-west-101", ex.Message);
        Assert.Contains("ap-southeast-3", ex.Message);
        Assert.Contains("give the Endpoint", ex.Message);
        Assert.Equal(DwsRegions.All.Select(r => r.Id), ex.KnownRegions);
        Assert.IsAssignableFrom<DwsConfigurationException>(ex);
    }

    [Fact]
    public void An_unknown_region_from_HUAWEICLOUD_SDK_REGION_names_the_variable()
    {
        var env = new FakeEnvironment();
        env.Variables[CredentialChain.RegionVariable] = "xx-nowhere-9";
        var ex = Assert.Throws<DwsUnknownRegionException>(() => new DwsSession(Options(null, environment: env)));
        Assert.Equal(CredentialChain.RegionVariable, ex.Setting);
        Assert.StartsWith("HUAWEICLOUD_SDK_REGION 'xx-nowhere-9'", ex.Message);
    }

    [Fact]
    public void An_unknown_region_with_an_endpoint_is_a_private_or_newer_region_and_is_kept()
    {
        using var session = new DwsSession(Options("xx-private-1", new Uri("https://dws.private.example")));
        Assert.Equal("xx-private-1", session.Region);
        Assert.Equal(new Uri("https://dws.private.example"), session.Endpoint);
        Assert.Equal(new Uri("https://dws.private.example"), session.IamEndpoint);
    }

    [Fact]
    public void An_explicit_endpoint_in_a_known_region_leaves_IAM_and_the_other_services_to_the_cloud()
    {
        // A VPC endpoint for DWS: the token and project lookups, and CDM, still go to the region's own hosts.
        using var session = new DwsSession(Options("eu-west-101", new Uri("https://dws-vpcep.example.internal")));
        Assert.Equal(new Uri("https://dws-vpcep.example.internal"), session.Endpoint);
        Assert.Equal(new Uri("https://iam.eu-west-101.myhuaweicloud.eu"), session.IamEndpoint);
        Assert.Equal(new Uri("https://cdm.eu-west-101.myhuaweicloud.eu"), session.ServiceEndpoint("cdm"));
        Assert.Equal(session.Endpoint, session.ServiceEndpoint("DWS"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080/")]
    public void A_loopback_endpoint_is_the_whole_gateway_IAM_and_every_service(string url)
    {
        // The emulator serves DWS, IAM and the services beside it on one port.
        using var session = new DwsSession(Options("eu-west-101", new Uri(url)));
        Assert.Equal(new Uri(url), session.IamEndpoint);
        Assert.Equal(new Uri(url), session.ServiceEndpoint("sfs"));
        Assert.Throws<ArgumentException>(() => session.ServiceEndpoint("sfs/../iam"));
    }

    [Theory]
    [InlineData("ap-southeast-3", "https://dws.ap-southeast-3.myhuaweicloud.com/", "https://iam.ap-southeast-3.myhuaweicloud.com/")]
    [InlineData("eu-west-101", "https://dws.eu-west-101.myhuaweicloud.eu/", "https://iam.eu-west-101.myhuaweicloud.eu/")]
    [InlineData("tr-west-1", "https://dws.tr-west-1.myhuaweicloud.cn/", "https://iam.tr-west-1.myhuaweicloud.com/")]
    [InlineData("CN-North-4", "https://dws.cn-north-4.myhuaweicloud.com/", "https://iam.cn-north-4.myhuaweicloud.com/")]
    public void A_known_region_gives_the_endpoints_of_Huaweis_region_tables(string region, string dws, string iam)
    {
        using var session = new DwsSession(Options(region));
        Assert.Equal(region.ToLowerInvariant(), session.Region);
        Assert.Equal(dws, session.Endpoint.ToString());
        Assert.Equal(iam, session.IamEndpoint.ToString());
    }

    [Fact]
    public void The_region_table_is_ordered_unique_and_lower_case()
    {
        var ids = DwsRegions.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var region in DwsRegions.All)
        {
            Assert.Equal(region.Id.ToLowerInvariant(), region.Id);
            Assert.Equal($"dws.{region.Id}.", region.Endpoint.Host.Substring(0, region.Id.Length + 5));
            Assert.Equal("https", region.Endpoint.Scheme);
        }
        Assert.Null(DwsRegions.Find("xx-nowhere-9"));
        Assert.Null(DwsRegions.Find(" "));
        Assert.Same(DwsRegions.Find("eu-west-101"), DwsRegions.Find(" EU-WEST-101 "));
    }
}
