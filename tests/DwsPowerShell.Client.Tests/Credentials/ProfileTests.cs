using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Credentials;

/// <summary>Named profiles of the credentials file: Connect-DwsService -ProfileName (DwsSessionOptions.ProfileName).</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("dwsprofile").FullName;
    private readonly FakeEnvironment _env = new();

    public ProfileTests() => _env.HomeDirectory = _home;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string WriteHomeFile(string text)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".huaweicloud"));
        var path = Path.Combine(_home, ".huaweicloud", "credentials");
        File.WriteAllText(path, text);
        return path;
    }

    private const string TwoProfiles = """
        [basic]
        ak = BASICAK
        sk = BASICSK

        [prod]
        ak = PRODAK
        sk = PRODSK
        project_id = prodproject
        region = eu-de
        cloud = OpenTelekomCloud

        [stack]
        ak = STACKAK
        sk = STACKSK
        region = region-one
        domain = hcs.example.com
        """;

    [Fact]
    public void A_named_profile_reads_its_own_section_with_region_project_and_cloud()
    {
        var path = WriteHomeFile(TwoProfiles);
        var r = CredentialChain.Resolve(null, _env, "prod");
        var ak = Assert.IsType<AccessKeyCredentials>(r.Credentials);
        Assert.Equal("PRODAK", ak.AccessKey);
        Assert.Equal($"{path} [prod]", ak.Source);
        Assert.Equal(("prodproject", "eu-de"), (r.ProjectId, r.Region));
        Assert.Same(DwsClouds.OpenTelekomCloud, r.Cloud);
    }

    [Fact]
    public void A_profile_wins_over_the_environment_variables_it_was_named_against()
    {
        WriteHomeFile(TwoProfiles);
        _env.Variables[CredentialChain.AkVariable] = "ENVAK";
        _env.Variables[CredentialChain.SkVariable] = "ENVSK";
        _env.Variables[CredentialChain.RegionVariable] = "eu-west-101";
        _env.Variables[CredentialChain.ProjectIdVariable] = "envproject";
        var r = CredentialChain.Resolve(null, _env, "prod");
        Assert.Equal("PRODAK", Assert.IsType<AccessKeyCredentials>(r.Credentials).AccessKey);
        Assert.Equal(("prodproject", "eu-de"), (r.ProjectId, r.Region));
        // Without a profile the variables still come first.
        Assert.Equal("ENVAK", Assert.IsType<AccessKeyCredentials>(CredentialChain.Resolve(null, _env).Credentials).AccessKey);
    }

    [Fact]
    public void A_session_from_a_profile_uses_its_cloud_region_and_project()
    {
        WriteHomeFile(TwoProfiles);
        using var session = new DwsSession(new DwsSessionOptions { ProfileName = "prod", Environment = _env });
        Assert.Equal(("eu-de", "prodproject"), (session.Region, session.ProjectId));
        Assert.Equal(new Uri("https://dws.eu-de.otc.t-systems.com"), session.Endpoint);
        Assert.Equal(new Uri("https://iam.eu-de.otc.t-systems.com"), session.IamEndpoint);
        Assert.Same(DwsClouds.OpenTelekomCloud, session.Cloud);
    }

    [Fact]
    public void A_profile_with_a_domain_is_a_custom_cloud_taking_any_region()
    {
        WriteHomeFile(TwoProfiles);
        using var session = new DwsSession(new DwsSessionOptions { ProfileName = "stack", ProjectId = "p1", Environment = _env });
        Assert.Equal(new Uri("https://dws.region-one.hcs.example.com"), session.Endpoint);
        Assert.Equal(new Uri("https://iam.region-one.hcs.example.com"), session.IamEndpoint);
        Assert.Equal(DwsClouds.CustomName, session.Cloud.Name);
    }

    [Fact]
    public void Options_win_over_the_profile()
    {
        WriteHomeFile(TwoProfiles);
        using var session = new DwsSession(new DwsSessionOptions { ProfileName = "prod", Region = "eu-nl", ProjectId = "given", Environment = _env });
        Assert.Equal(("eu-nl", "given"), (session.Region, session.ProjectId));
        Assert.Equal(new Uri("https://dws.eu-nl.otc.t-systems.com"), session.Endpoint);
    }

    [Fact]
    public void A_missing_profile_names_the_file_and_lists_the_profiles_it_has()
    {
        var path = WriteHomeFile(TwoProfiles);
        var ex = Assert.Throws<DwsProfileException>(() => CredentialChain.Resolve(null, _env, "staging"));
        Assert.Equal("staging", ex.Profile);
        Assert.Equal($"The credentials file '{path}' has no [staging] section; its profiles are: basic, prod, stack. Add [staging] with ak and sk keys, or name another profile.", ex.Message);
    }

    [Theory]
    [InlineData("ak", "access key ID")]
    [InlineData("sk", "secret access key")]
    public void A_profile_missing_a_key_names_the_file_section_and_key(string missing, string what)
    {
        var path = WriteHomeFile($"[dev]\n{(missing == "ak" ? "" : "ak = DEVAK\n")}{(missing == "sk" ? "" : "sk = DEVSK\n")}region = eu-west-101\n");
        var ex = Assert.Throws<DwsProfileException>(() => CredentialChain.Resolve(null, _env, "dev"));
        Assert.Equal($"The [dev] section of '{path}' has no {missing} key: add {missing} = <{what}>.", ex.Message);
    }

    [Fact]
    public void Explicit_credentials_take_only_region_project_and_cloud_from_the_profile()
    {
        WriteHomeFile("[keysless]\nregion = eu-ch2\ncloud = opentelekomcloud\n");
        var given = new AccessKeyCredentials("MYAK", "MYSK");
        var r = CredentialChain.Resolve(given, _env, "keysless");
        Assert.Same(given, r.Credentials);
        Assert.Equal("eu-ch2", r.Region);
        Assert.Same(DwsClouds.OpenTelekomCloud, r.Cloud);
    }

    [Fact]
    public void No_credentials_file_is_an_error_naming_the_profile()
    {
        var ex = Assert.Throws<DwsProfileException>(() => CredentialChain.Resolve(null, _env, "prod"));
        Assert.StartsWith("Profile 'prod' was asked for, but there is no credentials file", ex.Message);
    }

    [Theory]
    [InlineData("cloud = Azure\n", "The cloud 'Azure' in [p] of")]
    [InlineData("cloud = OpenTelekomCloud\ndomain = x.example.com\n", "The [p] section of")]
    [InlineData("domain = not a domain\n", "The cloud domain 'not a domain' is not a DNS domain")]
    [InlineData("iam_endpoint = iam.example.com\n", "The iam_endpoint 'iam.example.com' in [p] of")]
    public void A_profile_with_a_bad_cloud_domain_or_iam_endpoint_is_refused_naming_it(string lines, string start)
    {
        WriteHomeFile("[p]\nak = A\nsk = B\n" + lines);
        var ex = Assert.Throws<DwsProfileException>(() => CredentialChain.Resolve(null, _env, "p"));
        Assert.StartsWith(start, ex.Message);
    }

    [Fact]
    public void The_profile_names_are_the_files_sections_and_none_without_a_file()
    {
        Assert.Empty(CredentialChain.ProfileNames(_env));
        WriteHomeFile(TwoProfiles);
        Assert.Equal(new[] { "basic", "prod", "stack" }, CredentialChain.ProfileNames(_env));
    }
}
