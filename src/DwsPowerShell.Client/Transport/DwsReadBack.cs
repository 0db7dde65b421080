using DwsPowerShell.Client.Errors;

namespace DwsPowerShell.Client.Transport;

/// <summary>
/// What a read-back found after a change whose answer was lost: the change applied (and the result the call
/// returns), or not seen. <see cref="Finding"/> says what was read, for the verbose line or the error message.
/// </summary>
internal readonly struct DwsReadBack<T>
{
    private DwsReadBack(bool applied, T value, string finding)
    {
        Applied = applied;
        Value = value;
        Finding = finding;
    }

    public bool Applied { get; }

    public T Value { get; }

    public string Finding { get; }

    public static DwsReadBack<T> Seen(T value, string finding) => new(true, value, finding);

    public static DwsReadBack<T> NotSeen(string finding) => new(false, default!, finding);
}

/// <summary>
/// The one place where a change whose answer was lost (<see cref="DwsApiException.OutcomeUnknown"/>) is looked up:
/// an operation plugs in a confirm function that reads what the service now shows (the new resource by name, the
/// deleted one gone, the tags, the cluster's task). Seen applied, the call succeeds with what was read and a
/// verbose line says it was confirmed by read-back; otherwise the outcome-unknown error is thrown, saying what the
/// read-back saw. The change itself is never sent again.
/// </summary>
internal static class DwsReadBack
{
    public static async Task<T> ConfirmAsync<T>(DwsTransport transport, Func<CancellationToken, Task<T>> change,
        Func<CancellationToken, Task<DwsReadBack<T>>> confirm, CancellationToken cancellationToken)
    {
        try
        {
            return await change(cancellationToken).ConfigureAwait(false);
        }
        catch (DwsApiException lost) when (lost.OutcomeUnknown)
        {
            DwsReadBack<T> found;
            try
            {
                found = await confirm(cancellationToken).ConfigureAwait(false);
            }
            catch (DwsApiException readError)
            {
                throw DwsErrorMapper.OutcomeUnknown(lost, $"A read-back to find out failed too ({readError.ErrorCode ?? "HTTP " + readError.StatusCode}: {readError.ErrorMessage}).");
            }
            if (!found.Applied) throw DwsErrorMapper.OutcomeUnknown(lost, $"A read-back did not see it applied: {found.Finding}.");
            transport.Log(DwsLogLevel.Verbose,
                $"{lost.Method} {lost.Path}: the answer was lost ({(lost.StatusCode == 0 ? "" : "HTTP " + lost.StatusCode + " ")}{lost.ErrorCode}), but the change was confirmed by read-back: {found.Finding}.");
            return found.Value;
        }
    }

    /// <summary>A change that returns nothing.</summary>
    public static Task ConfirmAsync(DwsTransport transport, Func<CancellationToken, Task> change,
        Func<CancellationToken, Task<DwsReadBack<bool>>> confirm, CancellationToken cancellationToken) =>
        ConfirmAsync(transport, async ct =>
        {
            await change(ct).ConfigureAwait(false);
            return true;
        }, confirm, cancellationToken);
}
