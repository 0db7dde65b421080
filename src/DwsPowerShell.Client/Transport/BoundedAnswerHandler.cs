using System.Globalization;

namespace DwsPowerShell.Client.Transport;

/// <summary>
/// Reads every answer's body into memory, at most <see cref="DwsSessionOptions.MaxResponseBytes"/> of it, counted after
/// decompression (the handler sits outside the one that decompresses): a larger Content-Length is refused before
/// reading, and a body that goes past the limit (an endless one, a gzip bomb) stops there. The read runs inside
/// HttpClient's SendAsync, so the attempt's timeout and the call's cancellation stop a slow one. Requests must be sent
/// with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, or HttpClient would copy the read body once more.
/// </summary>
internal sealed class BoundedAnswerHandler : DelegatingHandler
{
    private const int FirstChunk = 16 * 1024;
    private const int ProbeSize = 256;
    private readonly long _limit;

    public BoundedAnswerHandler(HttpMessageHandler inner, long limit) : base(inner) => _limit = limit;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // A HEAD answer has no body, whatever its Content-Length says.
        if (response.Content is not { } content || content is BufferedAnswer || request.Method == HttpMethod.Head) return response;
        try
        {
            var declared = content.Headers.ContentLength;
            if (declared > _limit) throw new DwsResponseTooLargeException(response, _limit, declared);
#if NET8_0_OR_GREATER
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            byte[]? body;
            // A stream that ignores the token (.NET Framework's) is unblocked by closing the answer.
            using (cancellationToken.Register(static r => ((IDisposable)r!).Dispose(), response))
            {
                try
                {
                    body = await ReadAtMostAsync(stream, declared, _limit, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                finally
                {
                    stream.Dispose();
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (body is null) throw new DwsResponseTooLargeException(response, _limit, null);
            var buffered = new BufferedAnswer(body);
            foreach (var header in content.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Content = buffered;
            content.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The whole of <paramref name="stream"/>, or null as soon as it has given more than <paramref name="limit"/> bytes
    /// (never more than limit + 1 are pulled from it). A body whose length is declared is read into one array of that
    /// length; an undeclared one into chunks that double, copied into one array at the end.
    /// </summary>
    internal static async Task<byte[]?> ReadAtMostAsync(Stream stream, long? declared, long limit, CancellationToken cancellationToken)
    {
        var chunks = new List<byte[]>();
        long total = 0;
        int lastFilled;
        if (declared is { } length)
        {
            var exact = new byte[length];
            lastFilled = await FillAsync(stream, exact, cancellationToken).ConfigureAwait(false);
            if (lastFilled < exact.Length) return Shorten(exact, lastFilled);
            total = lastFilled;
            // The usual end: the body was as long as it said, which a small read confirms without a second array. A
            // longer one (a decompressed body under the compressed length .NET Framework reports) goes on in chunks.
            var probe = new byte[Math.Min(ProbeSize, limit + 1 - total)];
            lastFilled = await FillAsync(stream, probe, cancellationToken).ConfigureAwait(false);
            if (lastFilled == 0) return exact;
            total += lastFilled;
            if (total > limit) return null;
            chunks.Add(exact);
            chunks.Add(probe);
            if (lastFilled < probe.Length) return Join(chunks, total, lastFilled);
        }

        while (true)
        {
            var size = (int)Math.Min(Math.Max(FirstChunk, total), limit + 1 - total);
            var chunk = new byte[size];
            lastFilled = await FillAsync(stream, chunk, cancellationToken).ConfigureAwait(false);
            total += lastFilled;
            if (total > limit) return null;
            chunks.Add(chunk);
            if (lastFilled < size) return Join(chunks, total, lastFilled);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns how much was read.</summary>
    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
#if NET8_0_OR_GREATER
            var n = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
#else
            var n = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
#endif
            if (n == 0) break;
            filled += n;
        }
        return filled;
    }

    private static byte[] Shorten(byte[] buffer, int length)
    {
        if (length == buffer.Length) return buffer;
        var copy = new byte[length];
        Buffer.BlockCopy(buffer, 0, copy, 0, length);
        return copy;
    }

    /// <summary>All chunks full but the last, which holds <paramref name="lastFilled"/> bytes.</summary>
    private static byte[] Join(List<byte[]> chunks, long total, int lastFilled)
    {
        if (chunks.Count == 1) return Shorten(chunks[0], lastFilled);
        var body = new byte[total];
        var at = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var count = i == chunks.Count - 1 ? lastFilled : chunks[i].Length;
            Buffer.BlockCopy(chunks[i], 0, body, at, count);
            at += count;
        }
        return body;
    }

    /// <summary>A body already read by <see cref="BoundedAnswerHandler"/>; <see cref="Body"/> is the array itself, not a copy.</summary>
    internal sealed class BufferedAnswer : ByteArrayContent
    {
        public BufferedAnswer(byte[] body) : base(body) => Body = body;

        public byte[] Body { get; }
    }
}

/// <summary>
/// An answer larger than <see cref="DwsSessionOptions.MaxResponseBytes"/>: its status and headers came, its body was
/// not read (Content-Length over the limit) or not read past the limit.
/// </summary>
internal sealed class DwsResponseTooLargeException : Exception
{
    public DwsResponseTooLargeException(HttpResponseMessage response, long limit, long? declared)
        : base(Describe(limit, declared))
    {
        StatusCode = (int)response.StatusCode;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        DwsTransport.CopyHeaders(response.Headers, headers);
        if (response.Content is { } content) DwsTransport.CopyHeaders(content.Headers, headers);
        Headers = headers;
        Limit = limit;
        Declared = declared;
    }

    public int StatusCode { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public long Limit { get; }

    /// <summary>The answer's Content-Length when that was over the limit; null when the body went past it.</summary>
    public long? Declared { get; }

    private static string Describe(long limit, long? declared) => declared is { } length
        ? string.Format(CultureInfo.InvariantCulture, "the answer is {0} bytes long (Content-Length), more than the limit of {1} on one answer", length, Size(limit))
        : string.Format(CultureInfo.InvariantCulture, "the answer is longer than the limit of {0} on one answer (reading stopped there)", Size(limit));

    /// <summary>"16 MiB (16777216 bytes)", "512 bytes".</summary>
    internal static string Size(long bytes)
    {
        const long MiB = 1024 * 1024, KiB = 1024;
        var unit = bytes >= MiB ? (bytes / (double)MiB).ToString("0.##", CultureInfo.InvariantCulture) + " MiB"
            : bytes >= KiB ? (bytes / (double)KiB).ToString("0.##", CultureInfo.InvariantCulture) + " KiB"
            : null;
        return unit is null ? bytes.ToString(CultureInfo.InvariantCulture) + " bytes" : $"{unit} ({bytes.ToString(CultureInfo.InvariantCulture)} bytes)";
    }
}
