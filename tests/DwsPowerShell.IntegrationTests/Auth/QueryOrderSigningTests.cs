using System.Net;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.IntegrationTests.Auth;

/// <summary>
/// The client's signer and the emulator's check sort query keys and repeated values the same way: by code point, as
/// Huawei's SDK signers do. U+FF5A (ｚ) comes before U+1F600 (😀) by code point and after it by UTF-16 unit.
/// </summary>
public sealed class QueryOrderSigningTests
{
    [Theory]
    [InlineData("tag=%F0%9F%98%80&tag=%EF%BD%9A")]
    [InlineData("tag=%EF%BD%9A&tag=%F0%9F%98%80")]
    [InlineData("%F0%9F%98%80=1&%EF%BD%9A=2&a=3")]
    public async Task Query_signed_by_the_client_is_accepted_by_the_emulator_in_any_order(string query)
    {
        await using var emulator = await DwsEmulator.StartAsync(new EmulatorOptions());
        var path = $"/v1.0/{emulator.Options.ProjectId}/clusters";
        var signing = new SigningRequest("GET", path);
        foreach (var pair in query.Split('&'))
        {
            var kv = pair.Split('=');
            signing.Query.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv[1])));
        }
        signing.Headers["Host"] = emulator.BaseAddress.Authority;
        var authorization = SdkHmacSigner.Sign(signing, emulator.Options.AccessKey, emulator.Options.SecretKey, DateTime.UtcNow);

        // Sent in the order given, not the canonical one: the emulator sorts it itself.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, path + "?" + query));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation(SdkHmacSigner.DateHeader, signing.Headers[SdkHmacSigner.DateHeader]);
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
