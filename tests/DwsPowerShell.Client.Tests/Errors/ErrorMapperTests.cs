using System.Text;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Errors;

public class ErrorMapperTests
{
    private const string Path = "/v1.0/p1/clusters/c1";

    private static DwsApiException Map(int status, string body, params (string, string)[] headers) =>
        DwsErrorMapper.FromResponse(new DwsResponse(status, body, headers.ToDictionary(h => h.Item1, h => h.Item2, StringComparer.OrdinalIgnoreCase)), "DELETE", Path);

    [Fact]
    public void Error_code_and_msg()
    {
        var ex = Map(400, "{\"error_code\":\"DWS.0015\",\"error_msg\":\"The cluster does not exist.\"}", ("X-Request-Id", "req-123"));
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("DWS.0015", ex.ErrorCode);
        Assert.Equal("The cluster does not exist.", ex.ErrorMessage);
        Assert.Equal("req-123", ex.RequestId);
        Assert.Equal("DELETE", ex.Method);
        Assert.Equal(Path, ex.Path);
        Assert.Contains("DELETE " + Path, ex.Message);
        Assert.Contains("HTTP 400", ex.Message);
        Assert.Contains("DWS.0015", ex.Message);
        Assert.Contains("req-123", ex.Message);
    }

    [Fact]
    public void ErrCode_and_externalMessage()
    {
        var ex = Map(400, "{\"errCode\":\"DDM.0001\",\"externalMessage\":\"Instance busy\"}");
        Assert.Equal("DDM.0001", ex.ErrorCode);
        Assert.Equal("Instance busy", ex.ErrorMessage);
    }

    [Fact]
    public void Several_pairs_with_some_null_take_the_failing_one()
    {
        // quirks.md 1.3: error_code DWS.0000 + retCode null + errCode set
        var ex = Map(409, "{\"error_code\":\"DWS.0000\",\"error_msg\":\"Request successfully processed.\",\"retCode\":null,\"retMessage\":null,\"errCode\":\"DWS.6012\",\"externalMessage\":\"logical cluster busy\"}");
        Assert.Equal("DWS.6012", ex.ErrorCode);
        Assert.Equal("logical cluster busy", ex.ErrorMessage);
    }

    [Fact]
    public void RetCode_and_retMessage_alone()
    {
        var ex = Map(500, "{\"error_code\":null,\"error_msg\":null,\"retCode\":\"DWS.9001\",\"retMessage\":\"ring failure\",\"errCode\":null}");
        Assert.Equal("DWS.9001", ex.ErrorCode);
        Assert.Equal("ring failure", ex.ErrorMessage);
    }

    [Fact]
    public void IAM_nested_error()
    {
        var ex = Map(401, "{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}");
        Assert.Equal("401", ex.ErrorCode);
        Assert.Equal("The username or password is wrong.", ex.ErrorMessage);
    }

    [Theory]
    [InlineData(404, """{"itemNotFound":{"message":"Share 6f1a could not be found.","code":404}}""", "itemNotFound", "Share 6f1a could not be found.")]
    [InlineData(400, """{"badRequest":{"message":"New size for shrink must be less than current size.","code":400}}""", "badRequest", "New size for shrink must be less than current size.")]
    [InlineData(400, """{"badRequest":{"message":"Invalid share size.","code":"SFS.TEAM.0001"}}""", "SFS.TEAM.0001", "Invalid share size.")]
    public void OpenStack_faults_take_their_name_or_service_code_and_message(int status, string body, string code, string message)
    {
        // The SFS share actions (seed 002) answer in the OpenStack fault shape, not DWS's error_code/error_msg.
        var ex = Map(status, body);
        Assert.Equal((code, message), (ex.ErrorCode, ex.ErrorMessage));
    }

    [Theory]
    [InlineData("""{"clusters":{"id":"c1"}}""")]
    [InlineData("""{"fault":{"code":500}}""")]
    public void A_single_object_without_a_message_is_not_taken_for_a_fault(string body)
    {
        var ex = Map(500, body);
        Assert.NotEqual("clusters", ex.ErrorCode);
        Assert.NotEqual("fault", ex.ErrorCode);
    }

    [Fact]
    public void A_code_split_by_the_text_conversion_is_normalised_with_the_references_solution()
    {
        var ex = Map(400, "{\"error_code\":\"DWS.5 001\",\"error_msg\":null}");
        Assert.Equal("DWS.5001", ex.ErrorCode);
        Assert.Equal("Invalid instance name.", ex.ErrorMessage);
        Assert.Equal("Enter a valid instance name according to the instance name description and try again later.", ex.RecommendedAction);
    }

    [Fact]
    public void Every_catalogue_entry_is_normalised_and_has_a_solution()
    {
        Assert.True(DwsErrorCatalog.All.Count > 100);
        foreach (var e in DwsErrorCatalog.All)
        {
            Assert.Equal(DwsErrorCatalog.Normalize(e.Code), e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Solution));
            Assert.True(DwsErrorCatalog.TryGet(e.Code.ToLowerInvariant().Insert(5, " "), out var again));
            Assert.Same(e, again);
        }
    }

    [Fact]
    public void Plain_text_body()
    {
        var ex = Map(502, "  upstream   connect error\n or disconnect ");
        Assert.Null(ex.ErrorCode);
        Assert.Equal("upstream connect error or disconnect", ex.ErrorMessage);
    }

    [Fact]
    public void Html_error_page_uses_its_title()
    {
        var ex = Map(503, "<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>nginx</h1><script>var k='x';</script></body></html>");
        Assert.Equal("503 Service Temporarily Unavailable", ex.ErrorMessage);
    }

    [Fact]
    public void Html_without_title_is_stripped_of_tags()
    {
        var ex = Map(500, "<html><body><h1>Oops</h1><p>broken</p></body></html>");
        Assert.Equal("Oops broken", ex.ErrorMessage);
    }

    [Theory]
    [InlineData(404, "the resource was not found")]
    [InlineData(403, "permission denied")]
    [InlineData(503, "service unavailable")]
    [InlineData(418, "the request failed")]
    public void Empty_body_gets_a_message_by_status(int status, string expected)
    {
        var ex = Map(status, "");
        Assert.Null(ex.ErrorCode);
        Assert.Equal(expected, ex.ErrorMessage);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Base64_encoded_json_error_body()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"error_code\":\"DWS.0047\",\"error_msg\":\"Insufficient quota\"}"));
        var ex = Map(400, body);
        Assert.Equal("DWS.0047", ex.ErrorCode);
        Assert.Equal("Insufficient quota", ex.ErrorMessage);
    }

    [Fact]
    public void A_3MB_body_is_shortened()
    {
        var ex = Map(500, new string('x', 3 * 1024 * 1024));
        Assert.True(ex.ErrorMessage!.Length <= 501);
        Assert.True(ex.Message.Length < 1000);
        var json = Map(500, "{\"error_code\":\"DWS.0001\",\"error_msg\":\"" + new string('y', 3 * 1024 * 1024) + "\"}");
        Assert.True(json.ErrorMessage!.Length <= 501);
        Assert.True(json.Message.Length < 1000);
    }

    [Theory]
    [InlineData("{\"error_code\":\"DWS.0001\",\"error_msg\":\"<PAD>SECRET-PASSWORD-99\"}")]
    [InlineData("<PAD>SECRET-PASSWORD-99")]
    [InlineData("<html><body><PAD>SECRET-PASSWORD-99</body></html>")]
    [InlineData("[{\"error_code\":\"DWS.0001\",\"error_msg\":\"<PAD>SECRET-PASSWORD-99\"}]")]
    [InlineData("{\"error_code\":\"<PAD>SECRET-PASSWORD-99\",\"error_msg\":\"x\"}")]
    [InlineData("{\"unexpected\":\"<PAD>SECRET-PASSWORD-99\"}")]
    public void Nothing_past_the_500_character_cap_is_echoed(string template)
    {
        var ex = Map(400, template.Replace("<PAD>", new string('p', 520)));
        Assert.DoesNotContain("SECRET-PASSWORD-99", ex.Message);
        Assert.DoesNotContain("SECRET-PASSWORD-99", ex.ErrorMessage ?? "");
        Assert.DoesNotContain("SECRET-PASSWORD-99", ex.ErrorCode ?? "");
    }

    [Theory]
    [InlineData("X-Request-Id", "a1")]
    [InlineData("x-openstack-request-id", "a2")]
    [InlineData("X-Trace-Id", "a3")]
    public void Request_id_from_headers(string header, string id)
    {
        Assert.Equal(id, Map(500, "", (header, id)).RequestId);
    }

    [Fact]
    public void Transport_failures_have_client_codes_and_status_0()
    {
        var ex = DwsErrorMapper.FromResponse(DwsResponse.Failed(DwsTransportFailure.NotSent, new HttpRequestException("Connection refused")), "GET", Path);
        Assert.Equal(0, ex.StatusCode);
        Assert.True(ex.IsTransportFailure);
        Assert.Equal("DWS.Client.ConnectionFailed", ex.ErrorCode);
        Assert.Contains("Connection refused", ex.Message);
        Assert.Equal("DWS.Client.Timeout", DwsErrorMapper.FromResponse(DwsResponse.Failed(DwsTransportFailure.Timeout, null), "GET", Path).ErrorCode);
        Assert.Equal("DWS.Client.ConnectionBroken", DwsErrorMapper.FromResponse(DwsResponse.Failed(DwsTransportFailure.Broken, null), "GET", Path).ErrorCode);
    }

    [Theory]
    [InlineData("{\"error_code\":\"DWS.0000\",\"error_msg\":\"ok\"}", null)]
    [InlineData("{\"error_code\":null,\"error_msg\":null}", null)]
    [InlineData("{\"error_code\":\"0\"}", null)]
    [InlineData("{\"error_code\":\"DWS.0138\",\"error_msg\":\"x\"}", "DWS.0138")]
    [InlineData("{\"error_code\":\"DWS.0015\",\"error_msg\":\"The cluster does not exist.\"}", "DWS.0015")]
    [InlineData("{\"error_code\":\"DWS.0000\",\"errCode\":\"DWS.6002\",\"externalMessage\":\"busy\"}", "DWS.6002")]
    [InlineData("{\"error_code\":\"DWS.0000\",\"retCode\":null,\"errCode\":\"DWS.0000\"}", null)]
    [InlineData("{\"clusters\":[]}", null)]
    [InlineData("{\"clusters\":[{\"id\":\"c1\",\"error_code\":\"DWS.9999\"}]}", null)]
    [InlineData("[{\"error_code\":\"DWS.9999\"}]", null)]
    [InlineData("{\"code\":\"az1\",\"error_code\":\"DWS.0000\"}", null)]
    public void A_2xx_whose_own_error_code_is_not_a_success_value_is_a_failure(string body, string? code)
    {
        var error = DwsErrorMapper.FromErrorCode(new DwsResponse(200, body, new Dictionary<string, string>()), "GET", Path);
        Assert.Equal(code, error?.ErrorCode);
        if (error is not null) Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public void A_documented_success_code_is_no_failure()
    {
        // 5.2.54 answers DWS.0138 on success (quirks.md 1.2): the request declares it.
        var response = new DwsResponse(200, "{\"error_code\":\"DWS.0138\",\"error_msg\":null}", new Dictionary<string, string>());
        Assert.Null(DwsErrorMapper.FromErrorCode(response, "POST", Path, new[] { "DWS.0138" }));
    }
}
