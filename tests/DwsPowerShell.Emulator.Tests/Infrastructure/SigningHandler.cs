namespace DwsPowerShell.Emulator.Tests.Infrastructure;

/// <summary>Signs every request with the given AK/SK unless it already has Authorization or X-Auth-Token.</summary>
internal sealed class SigningHandler(string accessKey, string secretKey, Func<DateTimeOffset> now) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Headers.Authorization is null && !request.Headers.Contains("X-Auth-Token") && !path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            TestSigner.Sign(request, body, accessKey, secretKey, now());
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
