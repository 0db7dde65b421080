using System.Text;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client.Tests.Signing;

/// <summary>The signer reuses per-thread buffers: signatures made concurrently must equal those made one at a time.</summary>
public class SignerConcurrencyTests
{
    private static readonly DateTime Now = new(2024, 3, 15, 8, 30, 15, DateTimeKind.Utc);

    private static SigningRequest Request(int i)
    {
        var r = new SigningRequest(i % 2 == 0 ? "GET" : "POST", $"/v1.0/p{i}/clusters/c%2F{i}/snap shots/é{i}");
        r.Query.Add(new("b", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        r.Query.Add(new("a", "x y " + new string('z', i % 50)));
        r.Headers["Host"] = "h.example.com";
        r.Headers["X-Project-Id"] = "p" + i;
        if (i % 2 == 1)
        {
            r.Headers["Content-Type"] = i % 4 == 1 ? "application/json" : "multipart/form-data";
            r.Body = Encoding.UTF8.GetBytes(new string('{', i % 300));
        }
        return r;
    }

    [Fact]
    public async Task Concurrent_signatures_equal_sequential_ones()
    {
        var expected = Enumerable.Range(0, 400).Select(i => SdkHmacSigner.Sign(Request(i), "AK" + (i % 3), "SK-" + (i % 5), Now)).ToArray();
        var actual = new string[expected.Length];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = t; i < expected.Length; i += 8) actual[i] = SdkHmacSigner.Sign(Request(i), "AK" + (i % 3), "SK-" + (i % 5), Now);
            }
        })));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Secret_keys_longer_than_the_stack_buffer_sign_like_short_ones_would_in_the_reference()
    {
        // A 300-character key goes through the heap path; HMAC keys longer than the block size are hashed first.
        var longKey = new string('k', 300);
        var a = SdkHmacSigner.Sign(Request(2), "AK", longKey, Now);
        var b = SdkHmacSigner.Sign(Request(2), "AK", longKey, Now);
        Assert.Equal(a, b);
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(longKey));
        var r = Request(2);
        SdkHmacSigner.Sign(r, "AK", longKey, Now);
        var canonical = SdkHmacSigner.CanonicalRequest(r, SdkHmacSigner.SignedHeaderNames(r.Headers));
        using var sha = System.Security.Cryptography.SHA256.Create();
        var stringToSign = "SDK-HMAC-SHA256\n" + r.Headers["X-Sdk-Date"] + "\n" + Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
        var signature = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
        Assert.EndsWith("Signature=" + signature, a);
    }

    [Theory]
    [InlineData("20240315T083015Z", 10)]      // the usual date, a canonical request within the stack buffer
    [InlineData("20240315T083015Z", 2000)]    // a canonical request longer than the stack buffer (heap path)
    [InlineData("é-日付-20240315T083015Z", 10)] // a preset non-ASCII date header, written as UTF-8
    [InlineData("x", 10)]                     // a one-character date
    public void Signature_matches_a_plain_reference_computation(string presetDate, int queryLength)
    {
        var r = Request(3);
        r.Query.Add(new("long", new string('q', queryLength)));
        r.Headers["X-Sdk-Date"] = presetDate;
        var key = "SK-reference";
        var authorization = SdkHmacSigner.Sign(r, "AK", key, Now);
        Assert.EndsWith("Signature=" + ReferenceSignature(r, key), authorization);
    }

    [Fact]
    public void A_preset_date_header_longer_than_64_characters_signs_through_the_builder_path()
    {
        var r = Request(4);
        r.Headers["X-Sdk-Date"] = new string('d', 65) + "é";
        var authorization = SdkHmacSigner.Sign(r, "AK", "SK", Now);
        Assert.EndsWith("Signature=" + ReferenceSignature(r, "SK"), authorization);
    }

    /// <summary>SDK-HMAC-SHA256 computed the plain way from the signer's own canonical request.</summary>
    private static string ReferenceSignature(SigningRequest signed, string key)
    {
        var canonical = SdkHmacSigner.CanonicalRequest(signed, SdkHmacSigner.SignedHeaderNames(signed.Headers));
        var stringToSign = "SDK-HMAC-SHA256\n" + signed.Headers["X-Sdk-Date"] + "\n"
            + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
        return Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
    }
}
