using System.Text.Json;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Tests.Support;

namespace DwsPowerShell.Client.Tests.Credentials;

public sealed class CredentialChainTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("dwscred").FullName;
    private readonly FakeEnvironment _env = new();

    public CredentialChainTests() => _env.HomeDirectory = _home;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string WriteHomeFile(string text)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".huaweicloud"));
        var path = Path.Combine(_home, ".huaweicloud", "credentials");
        File.WriteAllText(path, text);
        return path;
    }

    private static AccessKeyCredentials Ak(ResolvedCredentials r) => Assert.IsType<AccessKeyCredentials>(r.Credentials);

    [Fact]
    public void Explicit_credentials_win_over_environment_and_file()
    {
        _env.Variables[CredentialChain.AkVariable] = "ENVAK";
        _env.Variables[CredentialChain.SkVariable] = "ENVSK";
        _env.Variables[CredentialChain.ProjectIdVariable] = "envproj";
        _env.Variables[CredentialChain.RegionVariable] = "eu-west-101";
        WriteHomeFile("[basic]\nak = FILEAK\nsk = FILESK\n");
        var explicitCreds = new AccessKeyCredentials("MYAK", "MYSK");
        var r = CredentialChain.Resolve(explicitCreds, _env);
        Assert.Same(explicitCreds, r.Credentials);
        Assert.Equal("envproj", r.ProjectId);
        Assert.Equal("eu-west-101", r.Region);
    }

    [Fact]
    public void Environment_variables_give_ak_sk_token_project_and_region()
    {
        _env.Variables[CredentialChain.AkVariable] = " ENVAK ";
        _env.Variables[CredentialChain.SkVariable] = "ENVSK";
        _env.Variables[CredentialChain.SecurityTokenVariable] = "ENVTOKEN";
        _env.Variables[CredentialChain.ProjectIdVariable] = "envproj";
        _env.Variables[CredentialChain.RegionVariable] = "ap-southeast-1";
        WriteHomeFile("[basic]\nak = FILEAK\nsk = FILESK\n");
        var r = CredentialChain.Resolve(null, _env);
        var ak = Ak(r);
        Assert.Equal("ENVAK", ak.AccessKey);
        Assert.Equal("ENVSK", ak.SecretKey);
        Assert.Equal("ENVTOKEN", ak.SecurityToken);
        Assert.Equal("environment", ak.Source);
        Assert.Equal("envproj", r.ProjectId);
        Assert.Equal("ap-southeast-1", r.Region);
    }

    [Fact]
    public void An_AK_without_SK_names_the_missing_variable()
    {
        _env.Variables[CredentialChain.AkVariable] = "ENVAK";
        var ex = Assert.Throws<DwsConfigurationException>(() => CredentialChain.Resolve(null, _env));
        Assert.Contains("HUAWEICLOUD_SDK_SK is not", ex.Message);
    }

    [Fact]
    public void An_SK_without_AK_names_the_missing_variable_and_does_not_echo_the_SK()
    {
        _env.Variables[CredentialChain.SkVariable] = "SECRETVALUE123";
        var ex = Assert.Throws<DwsConfigurationException>(() => CredentialChain.Resolve(null, _env));
        Assert.Contains("HUAWEICLOUD_SDK_AK is not", ex.Message);
        Assert.DoesNotContain("SECRETVALUE123", ex.Message);
    }

    [Fact]
    public void The_credentials_file_basic_section_is_read()
    {
        var path = WriteHomeFile("; comment\r\n[other]\r\nak = NO\r\n[Basic]\r\nak = FILEAK\r\nsk=FILESK\r\nsecurity_token = FILETOKEN\r\nproject_id = fileproj\r\niam_endpoint = https://iam.example.com\r\n");
        var r = CredentialChain.Resolve(null, _env);
        var ak = Ak(r);
        Assert.Equal("FILEAK", ak.AccessKey);
        Assert.Equal("FILESK", ak.SecretKey);
        Assert.Equal("FILETOKEN", ak.SecurityToken);
        Assert.Equal(path, ak.Source);
        Assert.Equal("fileproj", r.ProjectId);
        Assert.Equal(new Uri("https://iam.example.com"), r.IamEndpoint);
    }

    [Fact]
    public void The_environment_project_wins_over_the_file_project()
    {
        WriteHomeFile("[basic]\nak = FILEAK\nsk = FILESK\nproject_id = fileproj\n");
        _env.Variables[CredentialChain.ProjectIdVariable] = "envproj";
        Assert.Equal("envproj", CredentialChain.Resolve(null, _env).ProjectId);
    }

    [Fact]
    public void The_file_path_can_be_overridden()
    {
        WriteHomeFile("[basic]\nak = HOMEAK\nsk = HOMESK\n");
        var other = Path.Combine(_home, "elsewhere.ini");
        File.WriteAllText(other, "[basic]\nak = OTHERAK\nsk = OTHERSK\n");
        _env.Variables[CredentialChain.CredentialsFileVariable] = other;
        Assert.Equal("OTHERAK", Ak(CredentialChain.Resolve(null, _env)).AccessKey);
    }

    [Fact]
    public void An_override_naming_a_missing_file_says_so()
    {
        _env.Variables[CredentialChain.CredentialsFileVariable] = Path.Combine(_home, "nope.ini");
        var ex = Assert.Throws<DwsConfigurationException>(() => CredentialChain.Resolve(null, _env));
        Assert.Contains("HUAWEICLOUD_SDK_CREDENTIALS_FILE", ex.Message);
        Assert.Contains("nope.ini", ex.Message);
    }

    [Theory]
    [InlineData("[basic]\nsk = FILESK\n", "no ak key")]
    [InlineData("[basic]\nak = FILEAK\n", "no sk key")]
    [InlineData("[basic]\nak = FILEAK\nsk =   \n", "no sk key")]
    [InlineData("[default]\nak = A\nsk = B\n", "no [basic] section")]
    public void A_file_missing_a_key_names_it(string text, string expected)
    {
        WriteHomeFile(text);
        var ex = Assert.Throws<DwsConfigurationException>(() => CredentialChain.Resolve(null, _env));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_file_secret_is_not_echoed_in_errors()
    {
        WriteHomeFile("[basic]\nak = FILEAK\nsk = TOPSECRETSK\niam_endpoint = not a url\n");
        var ex = Assert.Throws<DwsConfigurationException>(() => CredentialChain.Resolve(null, _env));
        Assert.Contains("iam_endpoint", ex.Message);
        Assert.DoesNotContain("TOPSECRETSK", ex.Message);
    }

    [Fact]
    public void Nothing_anywhere_says_how_to_connect()
    {
        var ex = Assert.Throws<DwsConfigurationException>(() => CredentialChain.Resolve(null, _env));
        Assert.Contains("HUAWEICLOUD_SDK_AK", ex.Message);
        Assert.Contains("HUAWEICLOUD_SDK_SK", ex.Message);
        Assert.Contains(".huaweicloud/credentials", ex.Message);
        Assert.Contains("HUAWEICLOUD_SDK_CREDENTIALS_FILE", ex.Message);
    }

    [Fact]
    public void No_home_folder_and_no_variables_still_says_how_to_connect()
    {
        _env.HomeDirectory = null;
        Assert.Throws<DwsConfigurationException>(() => CredentialChain.Resolve(null, _env));
    }
}

public class SecretHygieneTests
{
    private const string Sk = "SK-SECRET-7f3a9b";
    private const string Token = "TOKEN-SECRET-c4d2";
    private const string Password = "PASSWORD-SECRET-11aa";

    public static IEnumerable<object[]> AllCredentials() => new[]
    {
        new object[] { new AccessKeyCredentials("AKIDEXAMPLE1234", Sk, Token) },
        new object[] { new AccessKeyCredentials("AK", Sk) },
        new object[] { new IamPasswordCredentials("alice", Password, "acme") },
        new object[] { new TokenCredentials(Token) },
    };

    private static void AssertClean(string text)
    {
        Assert.DoesNotContain(Sk, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(Password, text);
    }

    [Theory]
    [MemberData(nameof(AllCredentials))]
    public void ToString_public_properties_and_json_never_show_a_secret(DwsCredentials credentials)
    {
        AssertClean(credentials.ToString());
        foreach (var p in credentials.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            AssertClean(Convert.ToString(p.GetValue(credentials), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        AssertClean(JsonSerializer.Serialize(credentials, credentials.GetType()));
        AssertClean(JsonSerializer.Serialize<object>(credentials));
        AssertClean(JsonSerializer.Serialize(credentials, credentials.GetType(), DwsPowerShell.Client.Json.DwsJson.Options));
    }

    [Fact]
    public void The_access_key_is_masked_in_descriptions()
    {
        var c = new AccessKeyCredentials("AKIDEXAMPLE1234", Sk);
        Assert.DoesNotContain("AKIDEXAMPLE1234", c.ToString());
        Assert.StartsWith("AKID", c.MaskedAccessKey);
    }

    [Fact]
    public void A_session_description_shows_no_secret()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(200, "{}"));
        using var session = TestSessions.Session(handler, credentials: new AccessKeyCredentials("AKIDEXAMPLE1234", Sk, Token));
        AssertClean(session.ToString());
        AssertClean(session.Credentials.ToString());
    }
}
