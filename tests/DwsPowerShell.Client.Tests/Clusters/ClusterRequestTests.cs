using System.Reflection;
using System.Security;
using System.Text.Json;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Client.Tests.Clusters;

public class ClusterRequestTests
{
    private const string Secret = "Sup3r-Secret-Pw!";

    internal static CreateClusterRequest ValidV2() => new()
    {
        Name = "dws-1",
        Flavor = "dws.m1.xlarge.ultrahigh",
        NumNode = 3,
        NumCn = 3,
        AdminUserName = "dbadmin",
        AdminPassword = Secret,
        AvailabilityZones = new List<string> { "az1" },
        VpcId = "vpc-1",
        SubnetId = "subnet-1",
        DatastoreVersion = "8.2.1",
    };

    internal static CreateClusterV1Request ValidV1() => new()
    {
        Name = "dws-1",
        NodeType = "dws.m1.xlarge.ultrahigh",
        NumberOfNode = 3,
        AdminUserName = "dbadmin",
        AdminPassword = Secret,
        VpcId = "vpc-1",
        SubnetId = "subnet-1",
        SecurityGroupId = "sg-1",
    };

    [Fact]
    public void Restart_body_is_exactly_an_empty_restart_object()
    {
        Assert.Equal("""{"restart":{}}""", DwsJson.Serialize(new RestartClusterRequest()));
    }

    [Fact]
    public void Create_v2_is_wrapped_in_cluster_with_the_documented_wire_names()
    {
        var json = DwsJson.Serialize(new ClusterEnvelope<CreateClusterRequest>(ValidV2()));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(new[] { "cluster" }, root.EnumerateObject().Select(p => p.Name));
        var c = root.GetProperty("cluster");
        Assert.Equal("dbadmin", c.GetProperty("db_name").GetString());
        Assert.Equal(Secret, c.GetProperty("db_password").GetString());
        Assert.Equal(8000, c.GetProperty("db_port").GetInt32());
        Assert.Equal(3, c.GetProperty("num_node").GetInt32());
        Assert.Equal(3, c.GetProperty("num_cn").GetInt32());
        Assert.Equal("dws.m1.xlarge.ultrahigh", c.GetProperty("flavor").GetString());
        Assert.Equal("az1", c.GetProperty("availability_zones")[0].GetString());
        Assert.False(c.TryGetProperty("admin_password", out _));
        Assert.False(c.TryGetProperty("has_admin_password", out _));
        Assert.False(c.TryGetProperty("tags", out _)); // nulls are left out
    }

    [Fact]
    public void Create_v1_sends_user_pwd_and_one_tag_object()
    {
        var request = ValidV1();
        request.Tags = new ClusterTag("env", "prod");
        using var doc = JsonDocument.Parse(DwsJson.Serialize(new ClusterEnvelope<CreateClusterV1Request>(request)));
        var c = doc.RootElement.GetProperty("cluster");
        Assert.Equal(Secret, c.GetProperty("user_pwd").GetString());
        Assert.Equal("dbadmin", c.GetProperty("user_name").GetString());
        Assert.Equal(JsonValueKind.Object, c.GetProperty("tags").ValueKind);
        Assert.Equal("prod", c.GetProperty("tags").GetProperty("value").GetString());
    }

    [Fact]
    public void Passwords_are_serialised_but_never_readable_or_printed()
    {
        object[] requests = { ValidV2(), ValidV1() };
        foreach (var request in requests)
        {
            Assert.DoesNotContain(Secret, request.ToString());
            // No public getter hands the password back (what PowerShell's formatter and ConvertTo-Json read).
            foreach (var p in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
            {
                Assert.NotEqual(Secret, p.GetValue(request) as string);
            }
            Assert.True((bool)request.GetType().GetProperty("HasAdminPassword")!.GetValue(request)!);
        }
        Assert.Contains(Secret, DwsJson.Serialize(ValidV2()));
        Assert.Contains(Secret, DwsJson.Serialize(ValidV1()));
    }

    [Fact]
    public void A_SecureString_password_is_sent_as_its_text()
    {
        var password = new SecureString();
        foreach (var ch in Secret) password.AppendChar(ch);
        var request = ValidV2();
        request.AdminPassword = null;
        Assert.False(request.HasAdminPassword);
        request.SetAdminPassword(password);
        Assert.Equal(Secret, JsonDocument.Parse(DwsJson.Serialize(request)).RootElement.GetProperty("db_password").GetString());
    }

    [Fact]
    public void Valid_requests_pass_validation()
    {
        ValidV2().Validate();
        ValidV1().Validate();
        var multiAz = ValidV2();
        multiAz.AvailabilityZones = new List<string> { "az1", "az2", "az3" };
        multiAz.NumNode = 1; // standalone hybrid
        multiAz.Tags = new List<ClusterTag> { new("env", "prod"), new("empty", "") };
        multiAz.PublicIp = new ClusterPublicIp { PublicBindType = ClusterPublicIp.BindExisting, EipId = "eip-1" };
        multiAz.Validate();
    }

    public static TheoryData<string, Action<CreateClusterRequest>> InvalidV2 => new()
    {
        { "Name", r => r.Name = "abc" },
        { "Name", r => r.Name = "1abc" },
        { "Name", r => r.Name = "dws cluster" },
        { "Name", r => r.Name = new string('a', 65) },
        { "Flavor", r => r.Flavor = " " },
        { "Flavor", r => r.Flavor = ".." },
        { "Flavor", r => r.Flavor = "dws/m1" },
        { "Flavor", r => r.Flavor = "dws.m1\n" },
        { "NumNode", r => r.NumNode = 2 },
        { "NumNode", r => r.NumNode = 257 },
        { "NumCn", r => r.NumCn = 1 },
        { "NumCn", r => r.NumCn = 4 },
        { "AdminUserName", r => r.AdminUserName = "DbAdmin" },
        { "AdminUserName", r => r.AdminUserName = "admin" },
        { "AdminUserName", r => r.AdminUserName = "1dbadmin" },
        { "AdminPassword", r => r.AdminPassword = null },
        { "AdminPassword", r => r.AdminPassword = "Passw0rd!" },
        { "AdminPassword", r => r.AdminPassword = "alllowercaseletters1" },
        { "AdminPassword", r => { r.AdminUserName = "dbadmin_user_x1"; r.AdminPassword = "1X_resu_nimdabd"; } },
        { "Port", r => r.Port = 7999 },
        { "Port", r => r.Port = 30001 },
        { "AvailabilityZones", r => r.AvailabilityZones = null },
        { "AvailabilityZones", r => r.AvailabilityZones = new List<string> { "a", "b", "c", "d" } },
        { "VpcId", r => r.VpcId = null },
        { "SubnetId", r => r.SubnetId = "" },
        { "DatastoreVersion", r => r.DatastoreVersion = null },
        { "PublicIp", r => r.PublicIp = new ClusterPublicIp { PublicBindType = "auto" } },
        { "PublicIp", r => r.PublicIp = new ClusterPublicIp { PublicBindType = ClusterPublicIp.BindExisting } },
        { "Tags", r => r.Tags = new List<ClusterTag> { new("bad key", "v") } },
        { "Tags", r => r.Tags = new List<ClusterTag> { new("k", "a=b") } },
        { "Volume.Capacity", r => r.Volume = new ClusterVolume { Volume = "SSD", Capacity = 0 } },
        { "DssPoolId", r => r.DssPoolId = " " },
        { "CryptAlgorithm", r => { r.MasterKeyId = "k1"; r.CryptAlgorithm = "AES"; } },
        { "CryptAlgorithm", r => r.CryptAlgorithm = "generalCipher" }, // no KMS key to go with it
    };

    [Fact]
    public void Create_v2_sends_dss_pool_id_and_crypt_algorithm_in_the_documented_casing()
    {
        var request = ValidV2();
        request.DssPoolId = "pool-1";
        request.MasterKeyId = "k1";
        request.MasterKeyName = "KMS-test";
        request.CryptAlgorithm = "smcipher";
        request.Validate();
        var body = JsonDocument.Parse(DwsJson.Serialize(request)).RootElement;
        Assert.Equal(("pool-1", "SMCipher"), (body.GetProperty("dss_pool_id").GetString(), body.GetProperty("crypt_algorithm").GetString()));
        var plain = JsonDocument.Parse(DwsJson.Serialize(ValidV2())).RootElement;
        Assert.False(plain.TryGetProperty("dss_pool_id", out _));
        Assert.False(plain.TryGetProperty("crypt_algorithm", out _));
    }

    [Theory]
    [MemberData(nameof(InvalidV2))]
    public void Invalid_v2_requests_name_the_property(string property, Action<CreateClusterRequest> spoil)
    {
        var request = ValidV2();
        spoil(request);
        var ex = Assert.ThrowsAny<ArgumentException>(request.Validate);
        Assert.Equal(property, ex.ParamName);
        Assert.DoesNotContain(Secret, ex.Message);
        Assert.DoesNotContain("1X_resu_nimdabd", ex.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidV2))]
    public void Checks_before_the_default_version_is_looked_up_are_the_same_but_for_the_version(string property, Action<CreateClusterRequest> spoil)
    {
        var request = ValidV2();
        spoil(request);
        if (property == "DatastoreVersion")
        {
            request.ValidateAllButVersion(); // the caller fills it in next
            return;
        }
        var ex = Assert.ThrowsAny<ArgumentException>(request.ValidateAllButVersion);
        Assert.Equal(property, ex.ParamName);
    }

    [Fact]
    public void V1_checks_its_own_cn_minimum_and_security_group()
    {
        var cns = ValidV1();
        cns.NumberOfCn = 2; // v1.0 starts at 3 (quirks.md 7.10)
        Assert.Equal("NumberOfCn", Assert.ThrowsAny<ArgumentException>(cns.Validate).ParamName);
        var sg = ValidV1();
        sg.SecurityGroupId = null;
        Assert.Equal("SecurityGroupId", Assert.ThrowsAny<ArgumentException>(sg.Validate).ParamName);
        var tag = ValidV1();
        tag.Tags = new ClusterTag("", "x");
        Assert.Equal("Tags", Assert.ThrowsAny<ArgumentException>(tag.Validate).ParamName);
    }

    [Fact]
    public void Resize_and_shrink_requests_check_their_counts_and_type()
    {
        new ResizeClusterRequest(3).Validate();
        Assert.Equal("Count", Assert.ThrowsAny<ArgumentException>(new ResizeClusterRequest(0).Validate).ParamName);
        Assert.Equal("Count", Assert.ThrowsAny<ArgumentException>(new ResizeClusterRequest(254).Validate).ParamName);
        Assert.Equal("ScaleOut", Assert.ThrowsAny<ArgumentException>(new ResizeClusterRequest().Validate).ParamName);

        var shrink = new ShrinkClusterRequest { ShrinkNumber = 3, Type = "DWS" };
        shrink.Validate();
        Assert.Equal("dws", shrink.Type); // sent in the documented casing
        Assert.Equal("ShrinkNumber", Assert.ThrowsAny<ArgumentException>(new ShrinkClusterRequest { ShrinkNumber = 0 }.Validate).ParamName);
        Assert.Equal("Type", Assert.ThrowsAny<ArgumentException>(new ShrinkClusterRequest { ShrinkNumber = 3, Type = "olap" }.Validate).ParamName);
    }

    [Fact]
    public void Resize_body_has_the_documented_shape()
    {
        Assert.Equal("""{"scale_out":{"count":3,"subnet_id":"s1"}}""", DwsJson.Serialize(new ResizeClusterRequest(3, "s1")));
        Assert.Equal("""{"scale_out":{"count":3},"create_node_only":true}""", DwsJson.Serialize(new ResizeClusterRequest(3, createNodeOnly: true)));
        Assert.Equal("""{"shrink_number":3,"online":true,"type":"dws","force_backup":false,"need_agency":true}""",
            DwsJson.Serialize(new ShrinkClusterRequest { ShrinkNumber = 3, Online = true, NeedAgency = true }));
    }
}
