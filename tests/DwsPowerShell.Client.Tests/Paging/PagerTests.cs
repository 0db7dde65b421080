using DwsPowerShell.Client.Paging;

namespace DwsPowerShell.Client.Tests.Paging;

public class PagerTests
{
    private sealed class Source
    {
        private readonly int _count;
        public Source(int count) => _count = count;
        public List<(int Offset, int Limit)> Calls { get; } = new();
        public int? ClaimedTotal { get; set; }

        public Task<DwsPage<int>> Fetch(int offset, int limit, CancellationToken ct, bool pageNumber)
        {
            Calls.Add((offset, limit));
            var start = pageNumber ? (offset - 1) * limit : offset;
            var items = Enumerable.Range(start, Math.Max(0, Math.Min(limit, _count - start))).ToList();
            return Task.FromResult(new DwsPage<int>(items, ClaimedTotal ?? _count));
        }
    }

    [Fact]
    public async Task The_next_page_is_fetched_only_after_the_current_one_is_consumed()
    {
        var s = new Source(7);
        await using var e = DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, false), pageSize: 3).GetAsyncEnumerator();
        Assert.Empty(s.Calls);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await e.MoveNextAsync());
            Assert.Equal(i, e.Current);
            Assert.Single(s.Calls);
        }
        Assert.True(await e.MoveNextAsync());
        Assert.Equal(3, e.Current);
        Assert.Equal(new[] { (0, 3), (3, 3) }, s.Calls);
    }

    [Fact]
    public async Task All_items_with_record_offsets_stopping_at_the_short_page()
    {
        var s = new Source(7);
        var all = await Collect(DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, false), pageSize: 3));
        Assert.Equal(Enumerable.Range(0, 7), all);
        Assert.Equal(new[] { (0, 3), (3, 3), (6, 3) }, s.Calls);
    }

    [Fact]
    public async Task A_short_page_stops_even_when_the_total_claims_more()
    {
        var s = new Source(4) { ClaimedTotal = 28 };
        var all = await Collect(DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, false), pageSize: 10));
        Assert.Equal(4, all.Count);
        Assert.Single(s.Calls);
    }

    [Fact]
    public async Task An_exact_multiple_ends_with_one_empty_page()
    {
        var s = new Source(6);
        var all = await Collect(DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, false), pageSize: 3));
        Assert.Equal(6, all.Count);
        Assert.Equal(3, s.Calls.Count);
    }

    [Fact]
    public async Task Page_number_mode_starts_at_1()
    {
        var s = new Source(5);
        var all = await Collect(DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, true), pageSize: 2, paging: DwsPaging.PageNumber));
        Assert.Equal(Enumerable.Range(0, 5), all);
        Assert.Equal(new[] { (1, 2), (2, 2), (3, 2) }, s.Calls);
    }

    [Fact]
    public async Task Stopping_early_fetches_no_more_pages()
    {
        var s = new Source(100);
        var first = new List<int>();
        await foreach (var i in DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, false), pageSize: 10))
        {
            first.Add(i);
            if (first.Count == 10) break;
        }
        Assert.Single(s.Calls);
    }

    [Fact]
    public async Task Cancellation_is_honoured_between_pages_and_passed_to_the_fetch()
    {
        using var cts = new CancellationTokenSource();
        var s = new Source(100);
        var seenTokens = new List<CancellationToken>();
        var count = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var i in DwsPager.ListAsync<int>((o, l, ct) => { seenTokens.Add(ct); return s.Fetch(o, l, ct, false); }, pageSize: 10, cancellationToken: cts.Token))
            {
                if (++count == 10) cts.Cancel();
            }
        });
        Assert.Single(s.Calls);
        Assert.Equal(cts.Token, seenTokens[0]);
    }

    [Fact]
    public async Task WithCancellation_token_is_honoured_too()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var s = new Source(5);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, false)).WithCancellation(cts.Token)) { }
        });
        Assert.Empty(s.Calls);
    }

    [Fact]
    public async Task The_enumerator_reports_the_service_total_once_the_first_page_is_read()
    {
        var s = new Source(7) { ClaimedTotal = 7 };
        await using var e = DwsPager.ListAsync<int>((o, l, ct) => s.Fetch(o, l, ct, false), pageSize: 3).GetAsyncEnumerator();
        var paged = Assert.IsAssignableFrom<IDwsPagedEnumerator>(e);
        Assert.Null(paged.Total);
        Assert.True(await e.MoveNextAsync());
        Assert.Equal(7, paged.Total);
        Assert.Single(s.Calls);
    }

    [Fact]
    public async Task An_empty_list_reports_its_total_too_and_a_list_without_one_reports_null()
    {
        await using (var empty = DwsPager.ListAsync<int>((o, l, ct) => new Source(0).Fetch(o, l, ct, false)).GetAsyncEnumerator())
        {
            Assert.False(await empty.MoveNextAsync());
            Assert.Equal(0, ((IDwsPagedEnumerator)empty).Total);
        }
        await using var unknown = DwsPager.ListAsync<int>((o, l, ct) => Task.FromResult(new DwsPage<int>(new[] { 1, 2 }))).GetAsyncEnumerator();
        Assert.True(await unknown.MoveNextAsync());
        Assert.Null(((IDwsPagedEnumerator)unknown).Total);
    }

    [Fact]
    public void A_page_size_below_1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DwsPager.ListAsync<int>((o, l, ct) => Task.FromResult(new DwsPage<int>(Array.Empty<int>())), pageSize: 0).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
    }

    private static async Task<List<int>> Collect(IAsyncEnumerable<int> items)
    {
        var list = new List<int>();
        await foreach (var i in items) list.Add(i);
        return list;
    }
}
