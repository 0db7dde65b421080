using System.Net;
using DwsPowerShell.Emulator.Tests.Infrastructure;

namespace DwsPowerShell.Emulator.Tests.Paging;

/// <summary>Every offset/limit list route reads its paging the same way (Core/PageQuery.cs).</summary>
public sealed class PageQueryTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private string _cluster = "";

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync();
        _cluster = await _host.CreateClusterAsync("dws-paging");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // One GET list route of each area that pages with offset/limit ({p} project, {c} cluster).
    public static readonly TheoryData<string> Routes = new()
    {
        "/v1.0/{p}/clusters/{c}/snapshots",                 // 5.3.23
        "/v2/{p}/clusters/{c}/workload/plans",              // 5.7.19
        "/v1/{p}/clusters/{c}/configurations/audit-records", // 5.2.53
        "/v1/{p}/actions",                                  // 5.2.58
        "/v1/{p}/clusters/{c}/enterprise-projects",         // 5.2.33
        "/v2/{p}/elbs?vpc_id=v&subnet_id=s",                // 5.9.10
        "/v2/{p}/clusters/{c}/logical-clusters",            // 5.2.41
        "/v2/{p}/clusters/{c}/nodes",                       // 5.2.44
    };

    private string Url(string route, string paging)
    {
        var path = route.Replace("{p}", _host.Project).Replace("{c}", _cluster);
        return path + (path.Contains('?') ? "&" : "?") + paging;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Bad_offset_or_limit_is_400_naming_it(string route)
    {
        foreach (var (paging, name) in new[] { ("limit=0", "limit"), ("limit=x", "limit"), ("limit=1.5", "limit"), ("offset=-1", "offset"), ("offset=x", "offset") })
        {
            var response = await _host.GetAsync(Url(route, paging));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route} ?{paging}: {(int)response.StatusCode}");
            var body = await EmulatorHost.ReadJsonAsync(response);
            Assert.Equal("DWS.5038", (string?)body["error_code"]);
            Assert.Contains(name + " must be an integer", (string?)body["error_msg"]);
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Good_paging_is_answered(string route)
    {
        var response = await _host.GetAsync(Url(route, "offset=0&limit=1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
