using System.Runtime.CompilerServices;

namespace DwsPowerShell.Client.Paging;

/// <summary>
/// One page of a list call. <see cref="Total"/> is the service's total number of records (quirks.md 3.5: it can
/// disagree with what is listed), never trusted to stop paging: a short page stops.
/// </summary>
public sealed class DwsPage<T>
{
    /// <param name="items">The page's records: an answer without its list is an invalid answer (<see cref="Transport.DwsTransport.SendListAsync"/>), never an empty page.</param>
    public DwsPage(IReadOnlyList<T> items, int? total = null)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items), "A page needs its list: an answer without one is an invalid answer, not an empty page.");
        Total = total;
    }

    public IReadOnlyList<T> Items { get; }

    public int? Total { get; }
}

/// <summary>How an API counts its <c>offset</c> (quirks.md 3.1).</summary>
public enum DwsPaging
{
    /// <summary>Zero-based record offset (most APIs).</summary>
    RecordOffset,

    /// <summary>One-based page number (events and alarms).</summary>
    PageNumber,
}

/// <summary>
/// An enumeration of a paged list (<see cref="DwsPager.ListAsync{T}"/>) that knows the service's total once its
/// first page is read: the list's <c>count</c> (or <c>total</c>), which the reference documents as the total
/// number of records, not the number on the page.
/// </summary>
public interface IDwsPagedEnumerator
{
    /// <summary>The total the first page reported; null before it is read, or when the service gives none.</summary>
    int? Total { get; }
}

/// <summary>
/// The one paging loop: fetches a page only when the consumer has used up the previous one, and
/// stops at the first short or empty page. Its enumerators are <see cref="IDwsPagedEnumerator"/>s.
/// </summary>
public static class DwsPager
{
    public const int DefaultPageSize = 100;

    /// <param name="fetchPage">Called with (offset, limit): offset is a record offset or a page number as <paramref name="paging"/> says.</param>
    public static IAsyncEnumerable<T> ListAsync<T>(
        Func<int, int, CancellationToken, Task<DwsPage<T>>> fetchPage,
        int pageSize = DefaultPageSize,
        DwsPaging paging = DwsPaging.RecordOffset,
        CancellationToken cancellationToken = default)
    {
        if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1.");
        return new PagedList<T>(fetchPage, pageSize, paging, cancellationToken);
    }

    private sealed class PagedList<T> : IAsyncEnumerable<T>
    {
        private readonly Func<int, int, CancellationToken, Task<DwsPage<T>>> _fetchPage;
        private readonly int _pageSize;
        private readonly DwsPaging _paging;
        private readonly CancellationToken _cancellationToken;

        public PagedList(Func<int, int, CancellationToken, Task<DwsPage<T>>> fetchPage, int pageSize, DwsPaging paging, CancellationToken cancellationToken)
        {
            _fetchPage = fetchPage;
            _pageSize = pageSize;
            _paging = paging;
            _cancellationToken = cancellationToken;
        }

        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            var pages = new Pages<T>();
            // The iterator joins the list's token with this enumeration's (WithCancellation), as any async iterator does.
            pages.Items = ReadAsync(_fetchPage, _pageSize, _paging, pages, _cancellationToken).GetAsyncEnumerator(cancellationToken);
            return pages;
        }
    }

    private sealed class Pages<T> : IAsyncEnumerator<T>, IDwsPagedEnumerator
    {
        internal IAsyncEnumerator<T> Items { get; set; } = null!;

        public int? Total { get; internal set; }

        public T Current => Items.Current;

        public ValueTask<bool> MoveNextAsync() => Items.MoveNextAsync();

        public ValueTask DisposeAsync() => Items.DisposeAsync();
    }

    private static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<int, int, CancellationToken, Task<DwsPage<T>>> fetchPage,
        int pageSize,
        DwsPaging paging,
        Pages<T> pages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var records = 0;
        var page = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offset = paging == DwsPaging.PageNumber ? page : records;
            var result = await fetchPage(offset, pageSize, cancellationToken).ConfigureAwait(false);
            if (page == 1) pages.Total = result.Total;
            foreach (var item in result.Items)
            {
                yield return item;
            }
            records += result.Items.Count;
            page++;
            if (result.Items.Count < pageSize) yield break;
        }
    }
}
