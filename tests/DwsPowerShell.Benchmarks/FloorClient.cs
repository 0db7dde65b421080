using System.Text.Json;
using System.Text.Json.Serialization;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Json;
using DwsPowerShell.Client.Models.Clusters;

namespace DwsPowerShell.Benchmarks;

/// <summary>
/// The floor the client is compared with: GET /v1.0/{project_id}/clusters with a bare HttpClient, the same signer
/// and the same model and JSON options, and nothing else (no retries, no error mapping).
/// </summary>
internal static class FloorClient
{
    public const string ProjectId = "emulator0project0000000000000001";
    public const string Ak = "EMULATORACCESSKEY001";
    public const string Sk = "emulator-secret-key-do-not-use-in-production";

    public const string Path = "/v1.0/" + ProjectId + "/clusters";

    /// <param name="url">The emulator's URL of <see cref="Path"/> (made once by the caller).</param>
    public static async Task<IReadOnlyList<Cluster>> ListClustersAsync(HttpClient http, Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var (authorization, date) = Sign(url.Authority);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation(SdkHmacSigner.DateHeader, date);
        request.Headers.TryAddWithoutValidation("X-Project-Id", ProjectId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var list = await JsonSerializer.DeserializeAsync<ClusterList>(body, DwsJson.Options);
        return list?.Clusters ?? new List<Cluster>();
    }

    /// <summary>Signs a GET of <see cref="Path"/>: the Authorization and X-Sdk-Date values to send with X-Project-Id.</summary>
    public static (string Authorization, string Date) Sign(string host)
    {
        var signing = new SigningRequest("GET", Path);
        signing.Headers["Host"] = host;
        signing.Headers["X-Project-Id"] = ProjectId;
        var authorization = SdkHmacSigner.Sign(signing, Ak, Sk, DateTime.UtcNow);
        return (authorization, signing.Headers[SdkHmacSigner.DateHeader]);
    }

    internal sealed class ClusterList
    {
        [JsonPropertyName("clusters")]
        public List<Cluster>? Clusters { get; set; }
    }
}
