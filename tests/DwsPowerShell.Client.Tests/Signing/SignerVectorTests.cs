using System.Globalization;
using System.Text;
using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client.Tests.Signing;

/// <summary>
/// Hand-worked vectors. Every expected canonical request, string to sign and signature below was computed
/// independently with python3 hashlib/hmac from DESIGN.md's algorithm (script: urllib unquote of the path,
/// per-byte %XX encoding of all but A-Za-z0-9-_.~, keys and values sorted by code point), not with this code.
/// </summary>
public class SignerVectorTests
{
    private const string Sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private const string Ak = "QTWAOYTTINDUT2QVKYUC";
    private const string Date = "20240315T083015Z";
    private static readonly DateTime Now = new(2024, 3, 15, 8, 30, 15, DateTimeKind.Utc);
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static SigningRequest Request(string method, string path, (string, string)[] headers, string body = "", params (string, string)[] query)
    {
        var r = new SigningRequest(method, path) { Body = Encoding.UTF8.GetBytes(body) };
        foreach (var (k, v) in headers) r.Headers[k] = v;
        foreach (var (k, v) in query) r.Query.Add(new(k, v));
        return r;
    }

    private static void AssertVector(SigningRequest request, string canonical, string stringToSign, string signature, string signedHeaders)
    {
        var authorization = SdkHmacSigner.Sign(request, Ak, Sk, Now);
        Assert.Equal(Date, request.Headers["X-Sdk-Date"]);
        Assert.Equal(canonical, SdkHmacSigner.CanonicalRequest(request, SdkHmacSigner.SignedHeaderNames(request.Headers)));
        Assert.Equal(stringToSign.Split('\n')[2], Hex(canonical));
        Assert.Equal($"SDK-HMAC-SHA256 Access={Ak}, SignedHeaders={signedHeaders}, Signature={signature}", authorization);
    }

    private static string Hex(string text)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Empty_body_GET()
    {
        // python3 reference signer (hashlib/hmac), case get_empty
        var r = Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "dws.eu-west-101.myhuaweicloud.com"), ("X-Project-Id", "p1") });
        AssertVector(r,
            "GET\n/v1.0/p1/clusters/\n\nhost:dws.eu-west-101.myhuaweicloud.com\nx-project-id:p1\nx-sdk-date:20240315T083015Z\n\nhost;x-project-id;x-sdk-date\n" + EmptyHash,
            "SDK-HMAC-SHA256\n20240315T083015Z\naf2d99a2f92550ec44343de41a3e9f5eb44c5afd702f24ed707a72ca7333252a",
            "c4e8ad62462b4d0491065a039ff0a68c4e6fe6aed3de420f13c7ab0ddab672b8", "host;x-project-id;x-sdk-date");
    }

    [Fact]
    public void Json_body_POST_signs_the_body_hash_and_not_content_type()
    {
        // python3 reference signer (hashlib/hmac), case post_json
        var r = Request("POST", "/v1.0/p1/clusters/c1/restart",
            new[] { ("Host", "dws.eu-west-101.myhuaweicloud.com"), ("Content-Type", "application/json;charset=UTF-8"), ("X-Project-Id", "p1") }, "{\"restart\":{}}");
        AssertVector(r,
            "POST\n/v1.0/p1/clusters/c1/restart/\n\nhost:dws.eu-west-101.myhuaweicloud.com\nx-project-id:p1\nx-sdk-date:20240315T083015Z\n\nhost;x-project-id;x-sdk-date\ne7a45127c381423b2301b960d60d2b7ee5b7ba8bccba70b6d1ac5fe699254cb3",
            "SDK-HMAC-SHA256\n20240315T083015Z\n18ebab891e976fcf958a2a5abcf653a01754f0c73a588e7d44251590a2ba8f6c",
            "4ec15b4931e4b1685a984ff2a76ee31b4c32780bcce30a729dddd08f9557c32c", "host;x-project-id;x-sdk-date");
    }

    [Fact]
    public void Query_with_repeated_keys_and_unicode_is_sorted_by_decoded_key_then_value()
    {
        // python3 reference signer (hashlib/hmac), case query: "1" < "10" < "2"; keys by decoded text
        var r = Request("GET", "/v2/p1/nodes", new[] { ("Host", "h.example.com") }, "",
            ("b", "2"), ("b", "10"), ("b", "1"), ("a", "ü"), ("été", "x y"), ("a1", "+&="));
        AssertVector(r,
            "GET\n/v2/p1/nodes/\na=%C3%BC&a1=%2B%26%3D&b=1&b=10&b=2&%C3%A9t%C3%A9=x%20y\nhost:h.example.com\nx-sdk-date:20240315T083015Z\n\nhost;x-sdk-date\n" + EmptyHash,
            "SDK-HMAC-SHA256\n20240315T083015Z\n027f787a32aeb5073eebb081b78d2543b6f4e641b8bbc252e03f17db8f907f4d",
            "1e06f38c2cc365830615ef8a7c922ca7a95bdce7a88d18b02ffb294bccd7dfe2", "host;x-sdk-date");
    }

    [Fact]
    public void Query_keys_and_values_outside_the_BMP_sort_by_code_point_like_the_reference_signers()
    {
        // python3 reference signer (hashlib/hmac), case query_astral: U+FF21 sorts before U+1F600 by code point (Go/Python/Java byte order)
        var r = Request("GET", "/v1/x", new[] { ("Host", "h.example.com") }, "",
            ("\U0001F600", "1"), ("\uFF21", "2"), ("k", "\U0001F600"), ("k", "\uFF21"));
        AssertVector(r,
            "GET\n/v1/x/\nk=%EF%BC%A1&k=%F0%9F%98%80&%EF%BC%A1=2&%F0%9F%98%80=1\nhost:h.example.com\nx-sdk-date:20240315T083015Z\n\nhost;x-sdk-date\n" + EmptyHash,
            "SDK-HMAC-SHA256\n20240315T083015Z\n183e109e98c8a707579cdcdc9ba543e0688b39dee2cef10783e6ddbec939fb84",
            "7a01a3f79f2b2c0cbb5d3642d1784352b337d43062e4c6ad860e63bc28eead99", "host;x-sdk-date");
    }

    [Fact]
    public void Path_segments_are_decoded_then_re_encoded()
    {
        // python3 reference signer (hashlib/hmac), case path_enc: space, unicode, '%' itself, an encoded "%2e%2e"
        var r = Request("GET", "/v1.0/p1/queues/my%20queue/%C3%BCber/100%25/%252e%252e", new[] { ("Host", "h.example.com") });
        AssertVector(r,
            "GET\n/v1.0/p1/queues/my%20queue/%C3%BCber/100%25/%252e%252e/\n\nhost:h.example.com\nx-sdk-date:20240315T083015Z\n\nhost;x-sdk-date\n" + EmptyHash,
            "SDK-HMAC-SHA256\n20240315T083015Z\n78c057f5fbc518a9ddf9d9afb721422ca70a378d63c109ad9db2777b98695fa8",
            "3f0ad73a06f897d7426abb2d345eac200ba38bc85ef4194c0cc516950e32503b", "host;x-sdk-date");
    }

    [Fact]
    public void A_trailing_slash_is_not_doubled()
    {
        // python3 reference signer (hashlib/hmac), case trailing
        var r = Request("GET", "/v1.0/p1/clusters/", new[] { ("Host", "h.example.com") });
        AssertVector(r,
            "GET\n/v1.0/p1/clusters/\n\nhost:h.example.com\nx-sdk-date:20240315T083015Z\n\nhost;x-sdk-date\n" + EmptyHash,
            "SDK-HMAC-SHA256\n20240315T083015Z\n0f69d134aa86f03363bec51a3d038886b5037c2818786907f5faf543ad2e9a36",
            "08f3e6e34bcaad7f58910a05b32580ec6c2a371b36b8d06d8db8d0a7c3aa0b0c", "host;x-sdk-date");
    }

    [Fact]
    public void The_security_token_header_is_signed()
    {
        // python3 reference signer (hashlib/hmac), case token
        var r = Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "h.example.com"), ("X-Security-Token", "TEMPtoken/+=abc") });
        AssertVector(r,
            "GET\n/v1.0/p1/clusters/\n\nhost:h.example.com\nx-sdk-date:20240315T083015Z\nx-security-token:TEMPtoken/+=abc\n\nhost;x-sdk-date;x-security-token\n" + EmptyHash,
            "SDK-HMAC-SHA256\n20240315T083015Z\ne936351254b82717d633ae2ba4560aecf4d76add835d14cebea0924ee8c33be9",
            "388ffb3bba4cc15912f61b0796e9b26ed4e545fbd80845fdb943bdd53a51e008", "host;x-sdk-date;x-security-token");
    }

    [Fact]
    public void Header_values_are_trimmed_at_the_ends_only_and_User_Agent_is_signed()
    {
        // python3 reference signer (hashlib/hmac), case trim
        var r = Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "h.example.com"), ("X-Custom", "  a  b  "), ("User-Agent", " DwsPowerShell/0.1.0 ") });
        AssertVector(r,
            "GET\n/v1.0/p1/clusters/\n\nhost:h.example.com\nuser-agent:DwsPowerShell/0.1.0\nx-custom:a  b\nx-sdk-date:20240315T083015Z\n\nhost;user-agent;x-custom;x-sdk-date\n" + EmptyHash,
            "SDK-HMAC-SHA256\n20240315T083015Z\ned10c450a4b2fffc1419254268decbf2aae2fa32a28b793a629863fade1d739e",
            "be3a0f360918ba6c95ec7a52564043f20f61908f645cfa923e494c917dc6c15c", "host;user-agent;x-custom;x-sdk-date");
    }

    [Fact]
    public void Content_type_and_names_with_underscore_are_not_signed()
    {
        // python3 reference signer (hashlib/hmac), case unsigned_names
        var r = Request("POST", "/v1.0/p1/upload", new[] { ("Host", "h.example.com"), ("Content-Type", "application/json"), ("X_Under_Score", "zzz"), ("X-Trace", "t1") }, "{\"a\":1}");
        AssertVector(r,
            "POST\n/v1.0/p1/upload/\n\nhost:h.example.com\nx-sdk-date:20240315T083015Z\nx-trace:t1\n\nhost;x-sdk-date;x-trace\n015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862",
            "SDK-HMAC-SHA256\n20240315T083015Z\n9aee7f3a40380936f6bbbf2eb9f78270468c52eb177d84e42eb616e6b1f48188",
            "49af1330d47f895068d2fb412935a66994e8560b880b29f17b28ea062389e844", "host;x-sdk-date;x-trace");
    }

    [Fact]
    public void A_non_json_content_type_makes_the_payload_unsigned()
    {
        // python3 reference signer (hashlib/hmac), case unsigned_payload: Content-Type not application/json → X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD
        var r = Request("POST", "/v2/p1/ldap", new[] { ("Host", "h.example.com"), ("Content-Type", "multipart/form-data; boundary=xyz") }, "--xyz\r\nbinary\r\n--xyz--");
        AssertVector(r,
            "POST\n/v2/p1/ldap/\n\nhost:h.example.com\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\nx-sdk-date:20240315T083015Z\n\nhost;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD",
            "SDK-HMAC-SHA256\n20240315T083015Z\ned60ba3094b2483a068150a4af9c1da75b530dd7529b20dc60638c835abd9378",
            "befc3be7de5eddd6d8a42766ecd516fb439f819d07f394f545d9a4a1bcccca94", "host;x-sdk-content-sha256;x-sdk-date");
        Assert.Equal("UNSIGNED-PAYLOAD", r.Headers["X-Sdk-Content-Sha256"]);
    }

    [Fact]
    public void An_explicit_UNSIGNED_PAYLOAD_header_is_honoured()
    {
        // same expected values as the unsigned_payload case: the header set by hand gives the same canonical request
        var r = Request("POST", "/v2/p1/ldap", new[] { ("Host", "h.example.com"), ("Content-Type", "multipart/form-data; boundary=xyz"), ("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD") }, "anything");
        Assert.EndsWith("Signature=befc3be7de5eddd6d8a42766ecd516fb439f819d07f394f545d9a4a1bcccca94", SdkHmacSigner.Sign(r, Ak, Sk, Now));
    }

    [Fact]
    public void The_access_key_does_not_change_the_signature()
    {
        var a = SdkHmacSigner.Sign(Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "h.example.com") }), "AK_ONE", Sk, Now);
        var b = SdkHmacSigner.Sign(Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "h.example.com") }), "ANOTHERAK", Sk, Now);
        Assert.Equal(a.Split("Signature=")[1], b.Split("Signature=")[1]);
        Assert.Contains("Access=AK_ONE,", a);
        var c = SdkHmacSigner.Sign(Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "h.example.com") }), "AK_ONE", Sk + "x", Now);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("ja-JP")]
    public void The_date_is_Gregorian_under_any_current_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            var c = new CultureInfo(culture);
            if (culture == "ja-JP") c.DateTimeFormat.Calendar = new JapaneseCalendar();
            CultureInfo.CurrentCulture = c;
            CultureInfo.CurrentUICulture = c;
            var r = Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "dws.eu-west-101.myhuaweicloud.com"), ("X-Project-Id", "p1") });
            var authorization = SdkHmacSigner.Sign(r, Ak, Sk, Now);
            Assert.Equal(Date, r.Headers["X-Sdk-Date"]);
            // python3 reference signer (hashlib/hmac), case get_empty
            Assert.EndsWith("Signature=c4e8ad62462b4d0491065a039ff0a68c4e6fe6aed3de420f13c7ab0ddab672b8", authorization);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void A_date_header_already_present_is_kept()
    {
        var r = Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "dws.eu-west-101.myhuaweicloud.com"), ("X-Project-Id", "p1"), ("X-Sdk-Date", Date) });
        var authorization = SdkHmacSigner.Sign(r, Ak, Sk, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.EndsWith("Signature=c4e8ad62462b4d0491065a039ff0a68c4e6fe6aed3de420f13c7ab0ddab672b8", authorization);
    }

    [Fact]
    public void An_unspecified_kind_time_is_taken_as_UTC()
    {
        var r = Request("GET", "/v1.0/p1/clusters", new[] { ("Host", "h.example.com") });
        SdkHmacSigner.Sign(r, Ak, Sk, DateTime.SpecifyKind(Now, DateTimeKind.Unspecified));
        Assert.Equal(Date, r.Headers["X-Sdk-Date"]);
    }
}
