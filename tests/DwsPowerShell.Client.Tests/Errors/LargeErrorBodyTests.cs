using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Transport;

namespace DwsPowerShell.Client.Tests.Errors;

/// <summary>Huge or pathological error bodies map quickly (the tag-stripping regex used to backtrack quadratically).</summary>
public class LargeErrorBodyTests
{
    [Theory]
    [InlineData('<')]
    [InlineData('x')]
    public void A_3_MB_plain_error_body_maps_to_a_short_message(char fill)
    {
        var response = new DwsResponse(500, new string(fill, 3 * 1024 * 1024), new Dictionary<string, string>());
        // Not timed here (house rule: no timed unit tests; it failed under load): what it costs is a benchmark's job.
        var error = DwsErrorMapper.FromResponse(response, "GET", "/v1.0/p/clusters");
        Assert.Equal(500, error.StatusCode);
        Assert.True(error.Message.Length < 1000);
    }

    [Fact]
    public void Html_titles_and_tags_are_still_read()
    {
        var html = new DwsResponse(502, "<html><head><title>502 Bad Gateway</title></head><body>x</body></html>", new Dictionary<string, string>());
        Assert.Equal("502 Bad Gateway", DwsErrorMapper.FromResponse(html, "GET", "/p").ErrorMessage);
        var tags = new DwsResponse(500, "<p>Server <b>failure</b></p>", new Dictionary<string, string>());
        Assert.Equal("Server failure", DwsErrorMapper.FromResponse(tags, "GET", "/p").ErrorMessage);
    }
}
