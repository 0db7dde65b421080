using System.Text;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Transport;

/// <summary>An answer kept as bytes (how the transport now reads it) reads and checks like one kept as a string.</summary>
public class ByteBodyResponseTests
{
    private sealed class Named
    {
        public string? Name { get; set; }
    }

    private static DwsResponse Bytes(string body, Encoding? encoding = null, bool bom = false)
    {
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(body);
        if (bom) bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        return new DwsResponse(200, bytes, encoding, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Request-Id"] = "r1" });
    }

    [Fact]
    public void A_UTF8_body_reads_without_a_string_and_decodes_on_demand()
    {
        var response = Bytes("{\"name\":\"entrepôt\"}");
        Assert.Equal("entrepôt", response.ReadAs<Named>()!.Name);
        Assert.Equal("{\"name\":\"entrepôt\"}", response.Body);
        Assert.Equal("r1", response.RequestId);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_when_reading()
    {
        Assert.Equal("a", Bytes("{\"name\":\"a\"}", bom: true).ReadAs<Named>()!.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t")]
    [InlineData("\u00a0 ")]
    public void A_blank_body_reads_as_null(string body)
    {
        Assert.Null(Bytes(body).ReadAs<Named>());
    }

    [Fact]
    public void Another_charset_is_decoded_with_that_charset()
    {
        var latin1 = Encoding.GetEncoding("iso-8859-1");
        var response = Bytes("{\"name\":\"entrepôt\"}", latin1);
        Assert.Equal("{\"name\":\"entrepôt\"}", response.Body);
        Assert.Equal("entrepôt", response.ReadAs<Named>()!.Name);
    }

    [Fact]
    public void The_2xx_body_checks_see_byte_bodies()
    {
        var refused = DwsErrorMapper.FromErrorCode(Bytes("{\"error_code\":\"DWS.6001\",\"error_msg\":\"odd\"}"), "GET", "/x");
        Assert.Equal("DWS.6001", refused?.ErrorCode);
        Assert.Null(DwsErrorMapper.FromErrorCode(Bytes("{\"clusters\":[]}"), "GET", "/x"));
        var inBody = DwsErrorMapper.FromResultCode(Bytes("{\"workload_res_code\":1,\"workload_res_str\":\"no\"}"), "GET", "/x");
        Assert.NotNull(inBody);
        Assert.Null(DwsErrorMapper.FromResultCode(Bytes("{\"workload_res_code\":0}"), "GET", "/x"));
    }
}
