using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Sessions;

/// <summary>The clouds that run the DWS API (Connect-DwsService -Cloud / -CloudDomain) and their endpoints.</summary>
public class CloudTests
{
    private static DwsSession Session(DwsCloud? cloud, string region) => new(new DwsSessionOptions
    {
        Cloud = cloud,
        Region = region,
        ProjectId = "p1",
        Credentials = new AccessKeyCredentials(TestSessions.Ak, TestSessions.Sk),
        Environment = new FakeEnvironment(),
    });

    [Theory]
    [InlineData("eu-de", "https://dws.eu-de.otc.t-systems.com/", "https://iam.eu-de.otc.t-systems.com/")]
    [InlineData("eu-nl", "https://dws.eu-nl.otc.t-systems.com/", "https://iam.eu-nl.otc.t-systems.com/")]
    [InlineData("eu-ch2", "https://dws.eu-ch2.sc.otc.t-systems.com/", "https://iam-pub.eu-ch2.sc.otc.t-systems.com/")]
    public void Open_Telekom_Cloud_regions_have_their_own_service_and_iam_hosts(string region, string dws, string iam)
    {
        using var session = Session(DwsClouds.OpenTelekomCloud, region);
        Assert.Equal((dws, iam), (session.Endpoint.AbsoluteUri, session.IamEndpoint.AbsoluteUri));
        Assert.Equal(DwsClouds.OpenTelekomCloudName, session.Cloud.Name);
    }

    [Fact]
    public void The_default_cloud_is_Huawei_Cloud_and_its_regions_are_the_known_ones()
    {
        using var session = Session(null, "ap-southeast-3");
        Assert.Same(DwsClouds.HuaweiCloud, session.Cloud);
        Assert.Equal(DwsRegions.All.Select(r => r.Id), DwsClouds.HuaweiCloud.Regions.Select(r => r.Id));
        Assert.Equal("https://dws.ap-southeast-3.myhuaweicloud.com/", session.Endpoint.AbsoluteUri);
    }

    [Fact]
    public void Huawei_Cloud_Europe_holds_the_regions_on_myhuaweicloud_eu()
    {
        Assert.Equal(new[] { "eu-west-101" }, DwsClouds.HuaweiCloudEurope.Regions.Select(r => r.Id));
        using var session = Session(DwsClouds.HuaweiCloudEurope, "EU-WEST-101");
        Assert.Equal(("https://dws.eu-west-101.myhuaweicloud.eu/", "https://iam.eu-west-101.myhuaweicloud.eu/"), (session.Endpoint.AbsoluteUri, session.IamEndpoint.AbsoluteUri));
    }

    [Fact]
    public void A_region_of_another_cloud_is_refused_listing_this_clouds_regions()
    {
        var ex = Assert.Throws<DwsUnknownRegionException>(() => Session(DwsClouds.OpenTelekomCloud, "eu-west-101"));
        Assert.Same(DwsClouds.OpenTelekomCloud, ex.Cloud);
        Assert.Equal(new[] { "eu-de", "eu-nl", "eu-ch2" }, ex.KnownRegions);
        Assert.StartsWith("Region 'eu-west-101' is not a region of Open Telekom Cloud (otc.t-systems.com)", ex.Message);
        Assert.Contains("HuaweiCloud, HuaweiCloudEurope, OpenTelekomCloud", ex.Message);
    }

    [Fact]
    public void A_custom_cloud_takes_any_region_on_its_domain()
    {
        var stack = DwsClouds.Custom("HCS.Example.com.");
        using var session = Session(stack, "region-7");
        Assert.Equal(("https://dws.region-7.hcs.example.com/", "https://iam.region-7.hcs.example.com/"), (session.Endpoint.AbsoluteUri, session.IamEndpoint.AbsoluteUri));
        Assert.True(stack.AcceptsAnyRegion);
        Assert.Null(stack.FindRegion("a/b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("https://hcs.example.com")]
    [InlineData("hcs.example.com/path")]
    [InlineData("-bad.example.com")]
    public void A_custom_cloud_needs_a_dns_domain(string domain)
    {
        var ex = Assert.Throws<DwsConfigurationException>(() => DwsClouds.Custom(domain));
        Assert.Contains("is not a DNS domain", ex.Message);
    }

    [Fact]
    public void A_region_gives_the_endpoint_of_any_service_of_its_cloud()
    {
        var dublin = DwsRegions.Find("eu-west-101")!;
        Assert.Equal("https://cdm.eu-west-101.myhuaweicloud.eu/", dublin.ServiceEndpoint("CDM").AbsoluteUri);
        Assert.Equal(dublin.IamEndpoint, dublin.ServiceEndpoint("iam"));
        var swiss = DwsClouds.OpenTelekomCloud.FindRegion("eu-ch2")!;
        Assert.Equal("https://sfs.eu-ch2.sc.otc.t-systems.com/", swiss.ServiceEndpoint("sfs").AbsoluteUri);
        Assert.Equal("https://iam-pub.eu-ch2.sc.otc.t-systems.com/", swiss.ServiceEndpoint("iam").AbsoluteUri);
        Assert.Throws<ArgumentException>(() => dublin.ServiceEndpoint("cdm/../x"));
    }

    [Fact]
    public void Clouds_are_found_by_name_ignoring_case()
    {
        Assert.Same(DwsClouds.OpenTelekomCloud, DwsClouds.Find(" opentelekomcloud "));
        Assert.Null(DwsClouds.Find("Azure"));
    }
}
