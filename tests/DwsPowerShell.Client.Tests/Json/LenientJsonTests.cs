using System.Text.Json;
using DwsPowerShell.Client.Json;

namespace DwsPowerShell.Client.Tests.Json;

public class LenientJsonTests
{
    public sealed class Numbers
    {
        public int TargetNodeNum { get; set; }
        public double Memory { get; set; }
        public long? Size { get; set; }
        public decimal? TableSize { get; set; }
        public int? Quota { get; set; }
    }

    public sealed class Texts
    {
        public string? MinCn { get; set; }
        public string? Status { get; set; }
        public string? BackupKey { get; set; }
        public string? Flag { get; set; }
    }

    public sealed class Flags
    {
        public bool Enable { get; set; }
        public bool? IsUserVisible { get; set; }
    }

    public sealed class Times
    {
        public DateTimeOffset At { get; set; }
        public DateTimeOffset? Maybe { get; set; }
    }

    [Theory]
    [InlineData("{\"target_node_num\":\"6\"}", 6)]
    [InlineData("{\"target_node_num\":6}", 6)]
    [InlineData("{\"target_node_num\":\"800.0\"}", 800)]
    [InlineData("{\"target_node_num\":\" 7 \"}", 7)]
    [InlineData("{\"target_node_num\":\"\"}", 0)]
    [InlineData("{\"target_node_num\":\"null\"}", 0)]
    [InlineData("{\"target_node_num\":null}", 0)]
    public void Int_from_numbers_and_strings(string json, int expected)
    {
        Assert.Equal(expected, DwsJson.Deserialize<Numbers>(json)!.TargetNodeNum);
    }

    [Fact]
    public void Numbers_as_strings_with_junk()
    {
        var n = DwsJson.Deserialize<Numbers>("{\"memory\":\"800.0\",\"size\":\"500,\",\"table_size\":\"224 KB\",\"quota\":\"null\"}")!;
        Assert.Equal(800.0, n.Memory);
        Assert.Equal(500L, n.Size);
        Assert.Equal(224m, n.TableSize);
        Assert.Null(n.Quota);
    }

    [Theory]
    [InlineData("{\"quota\":\"abc\"}")]
    [InlineData("{\"quota\":\"99999999999\"}")]
    [InlineData("{\"quota\":1e40}")]
    [InlineData("{\"quota\":\"1e40\"}")]
    [InlineData("{\"quota\":{}}")]
    public void Unreadable_numbers_are_JsonExceptions(string json)
    {
        Assert.ThrowsAny<JsonException>(() => DwsJson.Deserialize<Numbers>(json));
    }

    [Fact]
    public void Strings_sent_as_numbers_booleans_or_objects()
    {
        var t = DwsJson.Deserialize<Texts>("{\"min_cn\":3,\"status\":200,\"backup_key\":20230801054547,\"flag\":true}")!;
        Assert.Equal("3", t.MinCn);
        Assert.Equal("200", t.Status);
        Assert.Equal("20230801054547", t.BackupKey);
        Assert.Equal("true", t.Flag);
        Assert.Equal("1.50", DwsJson.Deserialize<Texts>("{\"min_cn\":1.50}")!.MinCn);
        Assert.Equal("{\"a\":1}", DwsJson.Deserialize<Texts>("{\"min_cn\":{\"a\":1}}")!.MinCn);
        Assert.Null(DwsJson.Deserialize<Texts>("{\"min_cn\":null}")!.MinCn);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"t\"", true)]
    [InlineData("\"f\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"False\"", false)]
    public void Booleans_in_every_encoding(string raw, bool expected)
    {
        var f = DwsJson.Deserialize<Flags>("{\"enable\":" + raw + ",\"is_user_visible\":" + raw + "}")!;
        Assert.Equal(expected, f.Enable);
        Assert.Equal(expected, f.IsUserVisible);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"null\"")]
    [InlineData("\"\"")]
    public void Null_booleans(string raw)
    {
        Assert.Null(DwsJson.Deserialize<Flags>("{\"is_user_visible\":" + raw + "}")!.IsUserVisible);
    }

    [Fact]
    public void A_word_that_is_not_a_boolean_is_an_error()
    {
        Assert.ThrowsAny<JsonException>(() => DwsJson.Deserialize<Flags>("{\"enable\":\"maybe\"}"));
    }

    private static readonly DateTimeOffset Instant = new(2023, 8, 1, 5, 45, 47, TimeSpan.Zero);

    [Theory]
    [InlineData("1690868747000")]          // epoch ms number (5.4.1 occur_time)
    [InlineData("\"1690868747000\"")]      // epoch ms string (5.3.11 next_fire_time)
    [InlineData("1690868747")]             // epoch seconds (5.14.7 backend_start)
    [InlineData("\"1690868747\"")]
    [InlineData("\"2023-08-01T05:45:47\"")]      // ISO without a zone: UTC
    [InlineData("\"2023-08-01T05:45:47.000Z\"")] // millis Z (5.2.53)
    [InlineData("\"2023-08-01T05:45:47Z\"")]
    [InlineData("\"2023-08-01T13:45:47+08:00\"")]
    [InlineData("\"2023-08-01 05:45:47\"")]      // yyyy-MM-dd HH:mm:ss (5.2.7)
    [InlineData("1690868747000.0")]
    public void Timestamps_in_every_format_are_the_same_instant(string raw)
    {
        var t = DwsJson.Deserialize<Times>("{\"at\":" + raw + ",\"maybe\":" + raw + "}")!;
        Assert.Equal(Instant, t.At);
        Assert.Equal(Instant, t.Maybe);
        Assert.Equal(TimeSpan.Zero, t.At.Offset);
    }

    [Fact]
    public void Timestamps_keep_milliseconds()
    {
        var t = DwsJson.Deserialize<Times>("{\"at\":\"2023-08-01T05:45:47.123Z\",\"maybe\":1690868747123}")!;
        Assert.Equal(Instant.AddMilliseconds(123), t.At);
        Assert.Equal(Instant.AddMilliseconds(123), t.Maybe);
        Assert.Equal("{\"at\":\"2023-08-01T05:45:47.123Z\",\"maybe\":\"2023-08-01T05:45:47.123Z\"}", DwsJson.Serialize(t));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"null\"")]
    [InlineData("\"\"")]
    public void Null_timestamps(string raw)
    {
        Assert.Null(DwsJson.Deserialize<Times>("{\"maybe\":" + raw + "}")!.Maybe);
    }

    [Fact]
    public void Timestamps_do_not_depend_on_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
            var t = DwsJson.Deserialize<Times>("{\"at\":\"2023-08-01 05:45:47\"}")!;
            Assert.Equal(Instant, t.At);
            Assert.Contains("2023-08-01T05:45:47Z", DwsJson.Serialize(t));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Unknown_fields_and_misspelled_keys_are_ignored()
    {
        var n = DwsJson.Deserialize<Numbers>("{\"target_node_num\":3,\"idems\":[1,2],\"fail_reason\\\"\":\"x\",\"nested\":{\"a\":{\"b\":[null]}}}")!;
        Assert.Equal(3, n.TargetNodeNum);
    }
}
