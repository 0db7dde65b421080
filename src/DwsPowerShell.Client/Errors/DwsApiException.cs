namespace DwsPowerShell.Client.Errors;

/// <summary>
/// A DWS call failed: an HTTP error, a failure reported inside a 200 (workload_res_code), or no
/// answer at all (<see cref="StatusCode"/> 0). Never carries a secret.
/// </summary>
public sealed class DwsApiException : Exception
{
    public DwsApiException(string message, int statusCode, string? errorCode, string? errorMessage,
        string? requestId, string method, string path, string? recommendedAction, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        Method = method;
        Path = path;
        RecommendedAction = recommendedAction;
    }

    /// <summary>HTTP status; 0 when no answer came back.</summary>
    public int StatusCode { get; }

    /// <summary>The service's code, such as <c>DWS.0015</c> (normalised: no spaces).</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public string? RequestId { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The reference's solution for <see cref="ErrorCode"/> (appendix 6.2), when listed.</summary>
    public string? RecommendedAction { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>
    /// The call changes state, it was sent, and its answer was lost: the connection broke or timed out after
    /// sending, the service or a gateway answered 500/502/503/504, or a 2xx answer could not be read. The change
    /// may or may not have been applied; look before sending it again. Never true for a read.
    /// </summary>
    public bool OutcomeUnknown { get; internal set; }

    /// <summary>The failure as first reported, before <see cref="OutcomeUnknown"/> added to the message.</summary>
    internal string? LostAnswer { get; set; }

    /// <summary>When the service asked to be called again (the Retry-After of a 429 or 503), if it said.</summary>
    public DateTimeOffset? RetryAfter { get; internal set; }

    public bool IsNotFound => StatusCode == 404;

    public bool IsTransportFailure => StatusCode == 0;
}
