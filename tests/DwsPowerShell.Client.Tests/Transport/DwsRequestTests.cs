using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Transport;

public class DwsRequestTests
{
    public static IEnumerable<object?[]> BadValues() => new[]
    {
        new object?[] { "../x" }, new object?[] { ".." }, new object?[] { "a/b" }, new object?[] { "a?b" }, new object?[] { "a#b" },
        new object?[] { "a\\b" }, new object?[] { "a\r\nb" }, new object?[] { "a\nb" }, new object?[] { "a\tb" }, new object?[] { "a\u0000b" },
        new object?[] { "a\u007fb" }, new object?[] { "a\u0085b" }, new object?[] { "" }, new object?[] { "   " }, new object?[] { null },
        new object?[] { "." }, new object?[] { new string('a', 10 * 1024) }, new object?[] { "x/../y" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Path_refuses_values_that_could_change_the_path_naming_the_callers_argument(string? clusterId)
    {
        var ex = Assert.Throws<DwsArgumentException>(() => DwsRequest.Get("/v1.0/{project_id}/clusters/{cluster_id}").Path("cluster_id", clusterId));
        Assert.Equal("clusterId", ex.ParamName);
        Assert.Contains("clusterId", ex.Message);
        Assert.True(ex.Message.Length < 400, "the message must not echo a huge value");
        Assert.DoesNotContain("\r", ex.Message);
        Assert.DoesNotContain("\n", ex.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void The_parameter_name_is_the_callers_expression()
    {
        var options = new { SnapshotId = "a/b" };
        var ex = Assert.Throws<DwsArgumentException>(() => DwsRequest.Get("/v1.0/{project_id}/snapshots/{snapshot_id}").Path("snapshot_id", options.SnapshotId));
        Assert.Equal("options.SnapshotId", ex.ParamName);
    }

    [Theory]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("my queue", "my%20queue")]
    [InlineData("über", "%C3%BCber")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a&b=c", "a%26b%3Dc")]
    [InlineData("100%", "100%25")]
    [InlineData("q;x", "q%3Bx")]
    [InlineData("a.b", "a.b")]
    public void Path_accepts_and_encodes_other_values(string value, string encoded)
    {
        var path = DwsRequest.Get("/v1.0/{project_id}/clusters/{cluster_id}/x").Path("cluster_id", value).BuildPath("p1");
        Assert.Equal("/v1.0/p1/clusters/" + encoded + "/x", path);
        // What the gateway decodes is exactly the value, as one segment.
        var segments = SignatureEncoding.Decode(path, plusIsSpace: false).Split('/');
        Assert.Equal(value, segments[4]);
    }

    [Fact]
    public void A_missing_path_value_or_project_is_reported()
    {
        Assert.Throws<InvalidOperationException>(() => DwsRequest.Get("/v1.0/{project_id}/clusters/{cluster_id}").BuildPath("p"));
        Assert.Throws<DwsConfigurationException>(() => DwsRequest.Get("/v1.0/{project_id}/clusters").BuildPath(null));
    }

    [Theory]
    [InlineData("x&admin=true", "?name=x%26admin%3Dtrue")]
    [InlineData("a b+c", "?name=a%20b%2Bc")]
    [InlineData("x#frag", "?name=x%23frag")]
    [InlineData("ü=1", "?name=%C3%BC%3D1")]
    public void Query_values_cannot_add_parameters(string value, string expected)
    {
        var r = DwsRequest.Get("/v1/x").Query("name", value);
        Assert.Equal(expected, r.BuildQueryString());
        var pairs = r.BuildQueryString().TrimStart('?').Split('&');
        Assert.Single(pairs);
        Assert.Equal(value, SignatureEncoding.Decode(pairs[0].Split('=')[1], plusIsSpace: true));
    }

    [Fact]
    public void Query_keeps_repeated_keys_and_skips_nulls()
    {
        var r = DwsRequest.Get("/v1/x").QueryEach("node_ids", new[] { "n1", "n2" }).Query("limit", 10).Query("skip", (string?)null).Query("flag", true).Query("big", 5_000_000_000L);
        Assert.Equal("?node_ids=n1&node_ids=n2&limit=10&flag=true&big=5000000000", r.BuildQueryString());
    }

    [Fact]
    public void Query_refuses_an_overlong_value_naming_the_callers_argument_and_carrying_the_value()
    {
        var logicalClusterName = new string('a', 10240);
        var error = Assert.Throws<DwsArgumentException>(() => DwsRequest.Get("/v1/x").Query("logical_cluster_name", logicalClusterName));
        Assert.Equal("logicalClusterName", error.ParamName);
        Assert.Same(logicalClusterName, error.Value);
        Assert.StartsWith("logicalClusterName is 10240 characters long; IDs and names are at most 512", error.Message);

        var filter = new { Value = new string('b', 513) };
        Assert.Equal("Value", Assert.Throws<DwsArgumentException>(() => DwsRequest.Get("/v1/x").Query("filter", filter.Value)).ParamName);
        Assert.Equal("filter", Assert.Throws<DwsArgumentException>(() => DwsRequest.Get("/v1/x").Query("filter", filter.Value.ToUpperInvariant())).ParamName);
        Assert.Equal("?ok=" + new string('c', 512), DwsRequest.Get("/v1/x").Query("ok", new string('c', 512)).BuildQueryString());
    }

    [Fact]
    public void Path_refusals_carry_the_refused_value()
    {
        var error = Assert.Throws<DwsArgumentException>(() => DwsRequest.Get("/v1/{name}").Path("name", "a/b"));
        Assert.Equal("a/b", error.Value);
    }
}
