namespace DwsPowerShell.Client.Waiting;

/// <summary>
/// The one polling loop: calls <c>poll</c> until it reports done, sleeping the poll interval in
/// between, honouring the timeout and cancellation. Job and resource waits are built on it.
/// </summary>
public static class DwsWaiter
{
    /// <param name="poll">Returns true when the wait is over.</param>
    /// <param name="describePending">Names what is still running, for the timeout message.</param>
    public static async Task PollAsync(Func<CancellationToken, Task<bool>> poll, DwsWaitOptions options,
        Func<IReadOnlyList<string>> describePending, string what, CancellationToken cancellationToken)
    {
        options.Validate();
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pollStarted = time.GetTimestamp();
            if (await poll(cancellationToken).ConfigureAwait(false)) return;

            var elapsed = time.GetElapsedTime(started);
            var remaining = options.Timeout == Timeout.InfiniteTimeSpan ? options.PollInterval : options.Timeout - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                var pending = describePending();
                throw new DwsWaitTimeoutException(
                    $"Gave up waiting for {what} after {elapsed.TotalSeconds:0} s; still running: {string.Join(", ", pending)}. Wait again with a longer timeout, or check the resource.",
                    pending);
            }
            // Polls start one interval apart (the time the poll took counts): with many jobs a poll round takes a
            // while, and sleeping a full interval after it would see each finish up to interval + round late.
            var interval = options.PollInterval - time.GetElapsedTime(pollStarted);
            if (interval < TimeSpan.Zero) interval = TimeSpan.Zero;
            var delay = remaining < interval ? remaining : interval;
            await Delay(time, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, time, cancellationToken);
#else
        return time == TimeProvider.System ? Task.Delay(delay, cancellationToken) : System.Threading.Tasks.TimeProviderTaskExtensions.Delay(time, delay, cancellationToken);
#endif
    }
}
