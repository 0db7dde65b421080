using System.Runtime.CompilerServices;

namespace DwsPowerShell.Client.Paging;

/// <summary>One page of a list call; <see cref="Total"/> is the server's hint (quirks.md 3.5), never trusted to stop.</summary>
public sealed class DwsPage<T>
{
    public DwsPage(IReadOnlyList<T> items, int? total = null)
    {
        Items = items;
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
/// The one paging loop: fetches a page only when the consumer has used up the previous one, and
/// stops at the first short or empty page.
/// </summary>
public static class DwsPager
{
    public const int DefaultPageSize = 100;

    /// <param name="fetchPage">Called with (offset, limit): offset is a record offset or a page number as <paramref name="paging"/> says.</param>
    public static async IAsyncEnumerable<T> ListAsync<T>(
        Func<int, int, CancellationToken, Task<DwsPage<T>>> fetchPage,
        int pageSize = DefaultPageSize,
        DwsPaging paging = DwsPaging.RecordOffset,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1.");
        var records = 0;
        var page = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offset = paging == DwsPaging.PageNumber ? page : records;
            var result = await fetchPage(offset, pageSize, cancellationToken).ConfigureAwait(false);
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
