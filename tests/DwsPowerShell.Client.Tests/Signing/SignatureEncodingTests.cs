using DwsPowerShell.Client.Auth;

namespace DwsPowerShell.Client.Tests.Signing;

public class SignatureEncodingTests
{
    [Theory]
    [InlineData("abcXYZ019-_.~", "abcXYZ019-_.~")]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("100%", "100%25")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("/?#&=", "%2F%3F%23%26%3D")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("*", "%2A")]
    [InlineData("", "")]
    public void Encode_keeps_only_unreserved_characters_with_upper_case_hex(string raw, string encoded)
    {
        Assert.Equal(encoded, SignatureEncoding.Encode(raw));
        Assert.Equal(raw, SignatureEncoding.Decode(encoded, plusIsSpace: false));
        Assert.Equal(raw, SignatureEncoding.Decode(encoded, plusIsSpace: true));
    }

    [Theory]
    [InlineData("a+b", true, "a b")]
    [InlineData("a+b", false, "a+b")]
    [InlineData("a%2Bb", true, "a+b")]
    [InlineData("%c3%bc", false, "ü")]
    [InlineData("a%2Fb", false, "a/b")]
    public void Decode_handles_plus_and_lower_case_hex(string encoded, bool plusIsSpace, string raw)
    {
        Assert.Equal(raw, SignatureEncoding.Decode(encoded, plusIsSpace));
    }

    [Fact]
    public void Every_char_round_trips()
    {
        var all = new string(Enumerable.Range(1, 0xD7FF).Select(i => (char)i).ToArray()) + "😀𝄞";
        Assert.Equal(all, SignatureEncoding.Decode(SignatureEncoding.Encode(all), plusIsSpace: true));
        Assert.Matches("^[A-Za-z0-9\\-_.~%]*$", SignatureEncoding.Encode(all));
    }

    [Fact]
    public void An_encoded_slash_signs_like_a_slash()
    {
        Assert.Equal(SdkHmacSigner.CanonicalUri("/v1/a/b"), SdkHmacSigner.CanonicalUri("/v1/a%2Fb"));
    }
}
