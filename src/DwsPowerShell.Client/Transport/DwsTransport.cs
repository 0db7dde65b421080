using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RestSharp;

namespace DwsPowerShell.Client.Transport;

/// <summary>
/// The one way requests leave the process: build the URL, sign, send with RestSharp, retry through
/// one Polly pipeline, map failures through <see cref="DwsErrorMapper"/>. One instance per session,
/// used from many threads.
/// </summary>
public sealed class DwsTransport : IDisposable
{
    private static readonly ResiliencePropertyKey<CallState> s_stateKey = new("dws.call");

    private readonly RestClient _rest;
    private readonly Target _dwsTarget;
    private readonly Target _iamTarget;
    private readonly IRequestAuthenticator _authenticator;
    private readonly Func<CancellationToken, ValueTask<string>> _projectId;
    private readonly DwsSessionOptions _options;
    private readonly ResiliencePipeline<Attempt> _pipeline;

    internal DwsTransport(Uri dwsEndpoint, Uri iamEndpoint, IRequestAuthenticator authenticator,
        Func<CancellationToken, ValueTask<string>> projectId, DwsSessionOptions options)
    {
        _dwsTarget = new Target(dwsEndpoint);
        _iamTarget = new Target(iamEndpoint);
        _authenticator = authenticator;
        _projectId = projectId;
        _options = options;
        _rest = new RestClient(CreateRestOptions(options), useClientFactory: false);
        _pipeline = BuildPipeline(options);
    }

    /// <summary>Sends <paramref name="request"/> and returns the successful answer; throws <see cref="DwsApiException"/> otherwise.</summary>
    public async Task<DwsResponse> SendAsync(DwsRequest request, CancellationToken cancellationToken = default)
    {
        var attempt = await SendCoreAsync(request, null, cancellationToken).ConfigureAwait(false);
        return attempt.Response;
    }

    /// <summary>Sends and reads the body as <typeparamref name="T"/> (null for an empty body).</summary>
    public async Task<T?> SendAsync<T>(DwsRequest request, CancellationToken cancellationToken = default)
    {
        var attempt = await SendCoreAsync(request, static r => r.ReadAs<T>(), cancellationToken).ConfigureAwait(false);
        return (T?)attempt.Value;
    }

    /// <summary>
    /// Sends a list call and reads the list <paramref name="list"/> takes from the answer (its JSON name is
    /// <paramref name="property"/>). An answer without that list (an empty body, <c>null</c>, an object without the
    /// array) is DWS.Client.InvalidResponse naming the property, never an empty list: only the service's <c>[]</c> says
    /// there is nothing.
    /// </summary>
    public async Task<(TAnswer Answer, List<TItem> Items)> SendListAsync<TAnswer, TItem>(DwsRequest request, string property,
        Func<TAnswer, List<TItem>?> list, CancellationToken cancellationToken = default) where TAnswer : class
    {
        if (list is null) throw new ArgumentNullException(nameof(list));
        var answer = await SendAsync<TAnswer>(request, cancellationToken).ConfigureAwait(false);
        var items = answer is null ? null : list(answer);
        if (items is null)
        {
            throw DwsErrorMapper.UnusableAnswer(request,
                answer is null ? $"The answer is empty: it has no '{property}' list." : $"The answer has no '{property}' list.");
        }
        return (answer!, items);
    }

    private async Task<Attempt> SendCoreAsync(DwsRequest request, Func<DwsResponse, object?>? read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var projectId = request.NeedsProjectId ? await _projectId(cancellationToken).ConfigureAwait(false) : null;
        var path = request.BuildPath(projectId);
        var target = request.Endpoint is { } other ? new Target(other) : request.ToIam ? _iamTarget : _dwsTarget;
        var state = new CallState(request, path, projectId, read, target);

        var attempt = await RunPipelineAsync(state, cancellationToken).ConfigureAwait(false);
        if (attempt.ReadError is DwsResponseTooLargeException tooLarge)
        {
            var error = DwsErrorMapper.TooLarge(attempt.Response, tooLarge, request.Method, path);
            error.Attempts = state.Attempts;
            throw Lost(error, state);
        }
        if (attempt.Response.StatusCode == 401 && !request.Anonymous && _authenticator.TryInvalidate(state.AuthToken))
        {
            Log(DwsLogLevel.Verbose, $"{request.Method} {path}: 401, renewing the IAM token and trying once more");
            attempt = await RunPipelineAsync(state, cancellationToken).ConfigureAwait(false);
        }

        if (!attempt.Response.IsSuccess)
        {
            var error = DwsErrorMapper.FromResponse(attempt.Response, request.Method, path, state.Target.Host);
            error.Attempts = state.Attempts;
            if (ServerDelay(attempt.Response) is { } delay) error.RetryAfter = _options.TimeProvider.GetUtcNow() + delay;
            if (state.RefusedWait is { } notWaited) error = DwsErrorMapper.WaitBeyondBudget(error, notWaited.Asked, notWaited.Left, notWaited.At);
            throw Lost(error, state);
        }
        if (attempt.ReadError is not null)
        {
            var unreadable = DwsErrorMapper.Create(attempt.Response.StatusCode, "DWS.Client.InvalidResponse",
                $"the answer could not be read ({attempt.ReadError.Message})", attempt.Response.RequestId, request.Method, path, attempt.ReadError);
            unreadable.Attempts = state.Attempts;
            throw Lost(unreadable, state);
        }
        if (request.ChecksResultCode && DwsErrorMapper.FromResultCode(attempt.Response, request.Method, path) is { } inBody)
        {
            inBody.Attempts = state.Attempts;
            throw inBody;
        }
        if (DwsErrorMapper.FromErrorCode(attempt.Response, request.Method, path, request.SuccessCodes) is { } refused)
        {
            refused.Attempts = state.Attempts;
            throw refused;
        }
        return attempt;
    }

    /// <summary>A change whose last attempt lost its answer is reported as <see cref="DwsApiException.OutcomeUnknown"/>.</summary>
    private static DwsApiException Lost(DwsApiException error, CallState state) =>
        state.Request.Kind == DwsCallKind.Mutation && state.AnswerLost ? DwsErrorMapper.OutcomeUnknown(error) : error;

    private async Task<Attempt> RunPipelineAsync(CallState state, CancellationToken cancellationToken)
    {
        state.PipelineStarted = _options.TimeProvider.GetTimestamp();
        state.RefusedWait = null;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_stateKey, state);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, self) =>
                {
                    var s = ctx.Properties.GetValue(s_stateKey, null!);
                    try
                    {
                        return Outcome.FromResult(await self.AttemptAsync(s, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<Attempt>(ex);
                    }
                },
                context, this).ConfigureAwait(false);

            if (outcome.Exception is TimeoutRejectedException timeout)
            {
                var error = DwsErrorMapper.Create(0, "DWS.Client.Timeout",
                    $"no answer within the total time of {_options.TotalTimeout.TotalSeconds:0.#} s ({state.Attempts} attempt(s))", null,
                    state.Request.Method, state.Path, timeout);
                error.Attempts = state.Attempts;
                throw Lost(error, state);
            }
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<Attempt> AttemptAsync(CallState state, CancellationToken cancellationToken)
    {
        var request = state.Request;
        state.Attempts++;
        var signing = new SigningRequest(request.Method, state.FullPath);
        foreach (var pair in request.QueryPairs) signing.Query.Add(pair);
        signing.Headers["Host"] = state.Target.Host;
        if (state.ProjectId is not null && !request.ToIam) signing.Headers["X-Project-Id"] = state.ProjectId;
        foreach (var header in request.Headers) signing.Headers[header.Key] = header.Value;
        if (request.RawBody is not null)
        {
            signing.Body = request.RawBody;
            signing.Headers["Content-Type"] = request.RawContentType!;
        }
        else if (request.Body is not null)
        {
            signing.Body = state.BodyBytes ??= JsonSerializer.SerializeToUtf8Bytes(request.Body, request.Body.GetType(), DwsJson.Options);
            signing.Headers["Content-Type"] = "application/json";
        }
        if (!request.Anonymous) await _authenticator.AuthenticateAsync(signing, cancellationToken).ConfigureAwait(false);
        state.AuthToken = signing.Headers.TryGetValue("X-Auth-Token", out var sentToken) ? sentToken : null;

        var rest = new RestRequest(state.Url, ToMethod(request.Method))
        {
            // BoundedAnswerHandler has read the body (at most MaxResponseBytes of it); HttpClient must not copy it again.
            CompletionOption = HttpCompletionOption.ResponseHeadersRead,
            AdvancedResponseWriter = s_readAnswer,
            Interceptors = [new SignedHeaders(signing.Headers)],
        };
        if (request.RawBody is not null) rest.AddBody(signing.Body, request.RawContentType!);
        else if (request.Body is not null) rest.AddBody(signing.Body, ContentType.Json);

        var started = Stopwatch.GetTimestamp();
        // From here until an answer says otherwise, a change may have reached the service.
        if (request.Kind == DwsCallKind.Mutation) state.AnswerLost = true;
        var answer = await _rest.ExecuteAsync(rest, cancellationToken).ConfigureAwait(false);
        var elapsedMs = (long)((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);
        cancellationToken.ThrowIfCancellationRequested();

        var response = ToResponse(answer);
        // The line is only formatted when someone listens (it costs a few hundred bytes per attempt).
        if (_options.Log is not null) Log(DwsLogLevel.Verbose, response.Failure == DwsTransportFailure.None
            ? $"{request.Method} {state.FullPath} -> {response.StatusCode} in {elapsedMs} ms{(response.RequestId is null ? "" : " (request ID " + response.RequestId + ")")}"
            : $"{request.Method} {state.FullPath} -> no answer ({response.Failure}) after {elapsedMs} ms");

        Attempt result;
        if (response.TooLarge is { } tooLarge)
        {
            result = new Attempt(response, null, tooLarge);
        }
        else if (!response.IsSuccess || state.Read is null)
        {
            result = new Attempt(response, null, null);
        }
        else
        {
            try
            {
                result = new Attempt(response, state.Read(response), null);
            }
            catch (JsonException ex)
            {
                result = new Attempt(response, null, ex);
            }
        }
        state.AnswerLost = request.Kind == DwsCallKind.Mutation && IsAnswerLost(result);
        return result;
    }

    private static readonly Func<HttpResponseMessage, RestRequest, RestResponse> s_readAnswer = ReadAnswer;

    /// <summary>
    /// Reads an HTTP answer straight from the <see cref="HttpResponseMessage"/> (RestSharp's own reading keeps the
    /// body twice, as bytes and as a string, and copies every header into parameter lists): the body once as bytes,
    /// the headers into one dictionary. The body is already in memory (<see cref="BoundedAnswerHandler"/> read it),
    /// so nothing here blocks; a failure reading it is reported like RestSharp reports one.
    /// </summary>
    private static RestResponse ReadAnswer(HttpResponseMessage message, RestRequest request)
    {
        var status = (int)message.StatusCode;
        try
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            CopyHeaders(message.Headers, headers);
            byte[] body;
            Encoding? encoding = null;
            if (message.Content is { } content)
            {
                CopyHeaders(content.Headers, headers);
                body = content is BoundedAnswerHandler.BufferedAnswer buffered ? buffered.Body : content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                encoding = CharsetEncoding(content.Headers.ContentType?.CharSet);
            }
            else
            {
                body = Array.Empty<byte>();
            }
            return new AnswerResponse(request, new DwsResponse(status, body, encoding, headers))
            {
                StatusCode = message.StatusCode,
                IsSuccessStatusCode = message.IsSuccessStatusCode,
                ResponseStatus = ResponseStatus.Completed,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new AnswerResponse(request, null)
            {
                StatusCode = message.StatusCode,
                ResponseStatus = ResponseStatus.Error,
                ErrorException = ex,
                ErrorMessage = ex.Message,
            };
        }
    }

    internal static void CopyHeaders(System.Net.Http.Headers.HttpHeaders from, Dictionary<string, string> to)
    {
#if NET8_0_OR_GREATER
        foreach (var header in from.NonValidated)
        {
            string? last = null;
            foreach (var value in header.Value) last = value;
            to[header.Key] = last ?? string.Empty;
        }
#else
        foreach (var header in from)
        {
            string? last = null;
            foreach (var value in header.Value) last = value;
            to[header.Key] = last ?? string.Empty;
        }
#endif
    }

    private static Encoding? CharsetEncoding(string? charset)
    {
        if (string.IsNullOrEmpty(charset)) return null;
        try
        {
            return Encoding.GetEncoding(charset!.Trim('"'));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Puts the signed headers straight onto the HttpRequestMessage RestSharp sends: as RestSharp header
    /// parameters they cost ~1.3 KB per request in its parameter handling (docs/performance.md).
    /// Host and Content-Type are set by HttpClient from the URL and the body.
    /// </summary>
    private sealed class SignedHeaders : RestSharp.Interceptors.Interceptor
    {
        private readonly IDictionary<string, string> _headers;

        public SignedHeaders(IDictionary<string, string> headers) => _headers = headers;

        public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
        {
            foreach (var header in _headers)
            {
                if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
                requestMessage.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return default;
        }
    }

    private sealed class AnswerResponse : RestResponse
    {
        public AnswerResponse(RestRequest request, DwsResponse? answer) : base(request) => Answer = answer;

        public DwsResponse? Answer { get; }
    }

    private static DwsResponse ToResponse(RestResponse answer)
    {
        if (answer is AnswerResponse { Answer: { } read }) return read;
        if (TooLarge(answer.ErrorException) is { } tooLarge) return DwsResponse.TooLargeAnswer(tooLarge);
        if (answer.ResponseStatus == ResponseStatus.TimedOut) return DwsResponse.Failed(DwsTransportFailure.Timeout, answer.ErrorException);
        if ((int)answer.StatusCode == 0)
        {
            var failure = IsHostNotFound(answer.ErrorException) ? DwsTransportFailure.HostNotFound
                : IsNotSent(answer.ErrorException) ? DwsTransportFailure.NotSent : DwsTransportFailure.Broken;
            return DwsResponse.Failed(failure, answer.ErrorException);
        }
        if (answer.ResponseStatus == ResponseStatus.Error && answer.ErrorException is not null && IsBrokenTransfer(answer.ErrorException))
        {
            // Headers arrived but the body did not: the body cannot be trusted.
            return DwsResponse.Failed(DwsTransportFailure.Broken, answer.ErrorException);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (answer.Headers is not null) foreach (var h in answer.Headers) if (h.Name is not null) headers[h.Name] = h.Value?.ToString() ?? string.Empty;
        if (answer.ContentHeaders is not null) foreach (var h in answer.ContentHeaders) if (h.Name is not null) headers[h.Name] = h.Value?.ToString() ?? string.Empty;
        return new DwsResponse((int)answer.StatusCode, answer.Content ?? string.Empty, headers);
    }

    private static DwsResponseTooLargeException? TooLarge(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DwsResponseTooLargeException tooLarge) return tooLarge;
        }
        return null;
    }

    /// <summary>
    /// True when reading the answer failed part-way (an I/O or socket error somewhere in the chain).
    /// RestSharp also reports every non-2xx status as an HttpRequestException ("Request failed with
    /// status code ..."), which has no such cause: that answer is complete and must be mapped by status.
    /// </summary>
    internal static bool IsBrokenTransfer(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is IOException || e is SocketException) return true;
        }
        return false;
    }

    /// <summary>
    /// True when DNS answered that the host name does not exist (Linux: "Name or service not known"), which no retry
    /// mends. A temporary resolver failure (SocketError.TryAgain) is not this: it stays a retryable <see cref="IsNotSent"/>.
    /// </summary>
    internal static bool IsHostNotFound(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket) return socket.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData;
            // .NET Framework (Windows PowerShell 5.1) reports it as a WebException with no SocketException inside.
            if (e is WebException { Status: WebExceptionStatus.NameResolutionFailure }) return true;
        }
        return false;
    }

    /// <summary>True only when the connection was provably never made, so the server never saw the request.</summary>
    internal static bool IsNotSent(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
#if NET8_0_OR_GREATER
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } hre
                && hre.InnerException is SocketException { SocketErrorCode: not SocketError.ConnectionReset })
            {
                return true;
            }
#endif
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;
            }
        }
        return false;
    }

    private ResiliencePipeline<Attempt> BuildPipeline(DwsSessionOptions options)
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = options.TimeProvider };
        if (options.TotalTimeout > TimeSpan.Zero && options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.TotalTimeout);
        }
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args =>
                {
                    var s = args.Context.Properties.GetValue(s_stateKey, null!);
                    return new ValueTask<bool>(ShouldRetry(args.Outcome, s.Request.Kind) && !WaitExceedsBudget(args.Outcome.Result?.Response, s));
                },
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result?.Response)),
                OnRetry = args =>
                {
                    var s = args.Context.Properties.GetValue(s_stateKey, null!);
                    Log(DwsLogLevel.Verbose, $"{s.Request.Method} {s.Path}: {Describe(args.Outcome)}; retrying in {args.RetryDelay.TotalSeconds:0.##} s (attempt {args.AttemptNumber + 2} of {options.MaxRetries + 1})");
                    return default;
                },
            });
        }
        return builder.Build();
    }

    /// <summary>The retry rule of DESIGN.md: reads retry every transient failure; mutations only what the server provably did not act on.</summary>
    internal static bool ShouldRetry(Outcome<Attempt> outcome, DwsCallKind kind)
    {
        if (outcome.Exception is not null) return false;
        var attempt = outcome.Result!;
        // The same answer would come again, at the same cost.
        if (attempt.ReadError is DwsResponseTooLargeException) return false;
        var response = attempt.Response;
        switch (response.Failure)
        {
            case DwsTransportFailure.NotSent: return true;
            case DwsTransportFailure.HostNotFound: return false;
            case DwsTransportFailure.Timeout:
            case DwsTransportFailure.Broken: return kind == DwsCallKind.Read;
        }
        if (response.StatusCode == 429) return true;
        if (kind != DwsCallKind.Read) return false;
        if (response.StatusCode is 500 or 502 or 503 or 504) return true;
        return attempt.ReadError is not null;
    }

    /// <summary>
    /// Whether an attempt at a change leaves its outcome unknown: it was sent and no answer that says what happened
    /// came back (the connection broke or timed out, a 500/502/503/504, or a 2xx whose body could not be read, or
    /// was too large to read: the change was accepted, but what it did is in the body).
    /// A 429 and a connection never made are answers: the change was not applied.
    /// </summary>
    internal static bool IsAnswerLost(Attempt attempt)
    {
        var response = attempt.Response;
        return response.Failure is DwsTransportFailure.Timeout or DwsTransportFailure.Broken
            || response.StatusCode is 500 or 502 or 503 or 504
            || (response.IsSuccess && attempt.ReadError is not null);
    }

    /// <summary>
    /// True when the service asks (Retry-After) for a longer wait than the call has left of its total time:
    /// the call then fails at once, saying when to try again, instead of sleeping into its timeout.
    /// </summary>
    private bool WaitExceedsBudget(DwsResponse? response, CallState state)
    {
        if (ServerDelay(response) is not { } asked) return false;
        if (_options.TotalTimeout <= TimeSpan.Zero || _options.TotalTimeout == Timeout.InfiniteTimeSpan) return false;
        var left = _options.TotalTimeout - _options.TimeProvider.GetElapsedTime(state.PipelineStarted);
        if (asked <= left) return false;
        state.RefusedWait = (asked, left < TimeSpan.Zero ? TimeSpan.Zero : left, _options.TimeProvider.GetUtcNow() + asked);
        return true;
    }

    private TimeSpan? RetryAfter(DwsResponse? response)
    {
        if (ServerDelay(response) is not { } delay) return null;
        return delay > _options.RetryMaxDelay ? _options.RetryMaxDelay : delay;
    }

    /// <summary>The wait the answer's Retry-After asks for (seconds or an HTTP date), not capped; null without one.</summary>
    private TimeSpan? ServerDelay(DwsResponse? response)
    {
        var header = response?.Header("Retry-After");
        if (header is null) return null;
        TimeSpan delay;
        if (int.TryParse(header, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) delay = TimeSpan.FromSeconds(Math.Max(0, seconds));
        else if (DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) delay = at - _options.TimeProvider.GetUtcNow();
        else return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static string Describe(Outcome<Attempt> outcome)
    {
        var a = outcome.Result;
        if (a is null) return "failed";
        if (a.Response.Failure != DwsTransportFailure.None) return $"no answer ({a.Response.Failure})";
        if (a.ReadError is not null) return $"unreadable answer (HTTP {a.Response.StatusCode})";
        return $"HTTP {a.Response.StatusCode}";
    }

    private static RestClientOptions CreateRestOptions(DwsSessionOptions options)
    {
        var rest = new RestClientOptions
        {
            ThrowOnAnyError = false,
            FollowRedirects = false,
            Timeout = options.RequestTimeout,
            UserAgent = "DwsPowerShell/" + typeof(DwsTransport).Assembly.GetName().Version?.ToString(3),
        };
        if (options.Proxy is not null) rest.Proxy = options.Proxy;
        if (options.SkipCertificateCheck) rest.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        var configure = options.ConfigureHandler;
        var limit = options.MaxResponseBytes;
        rest.ConfigureMessageHandler = handler => new BoundedAnswerHandler(configure is null ? handler : configure(handler), limit);
        return rest;
    }

    private static Method ToMethod(string method) => method switch
    {
        "GET" => Method.Get,
        "POST" => Method.Post,
        "PUT" => Method.Put,
        "DELETE" => Method.Delete,
        "PATCH" => Method.Patch,
        "HEAD" => Method.Head,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unsupported HTTP method."),
    };

    internal void Log(DwsLogLevel level, string message) => _options.Log?.Invoke(new DwsLogEntry(level, message));

    public void Dispose() => _rest.Dispose();

    /// <summary>The parts of an endpoint every request needs, worked out once.</summary>
    private sealed class Target
    {
        public Target(Uri endpoint)
        {
            Origin = endpoint.GetLeftPart(UriPartial.Authority);
            BasePath = endpoint.AbsolutePath.TrimEnd('/');
            Host = endpoint.Authority;
        }

        public string Origin { get; }
        public string BasePath { get; }
        public string Host { get; }
    }

    private sealed class CallState
    {
        public CallState(DwsRequest request, string path, string? projectId, Func<DwsResponse, object?>? read, Target target)
        {
            Request = request;
            Path = path;
            ProjectId = projectId;
            Read = read;
            Target = target;
            FullPath = target.BasePath + path;
            Url = target.Origin + FullPath + request.BuildQueryString();
        }

        public DwsRequest Request { get; }
        public string Path { get; }
        public string? ProjectId { get; }
        public Func<DwsResponse, object?>? Read { get; }
        public byte[]? BodyBytes { get; set; }

        public Target Target { get; }

        /// <summary>The endpoint's base path and the request path; the same for every attempt.</summary>
        public string FullPath { get; }

        public string Url { get; }
        public int Attempts { get; set; }

        /// <summary>The X-Auth-Token of the latest attempt, so a 401 invalidates that token and not a newer one.</summary>
        public string? AuthToken { get; set; }

        /// <summary>The latest attempt at a change was sent and no answer said what happened to it.</summary>
        public bool AnswerLost { get; set; }

        /// <summary>When the current run of the pipeline began (TimeProvider timestamp): its total time counts from here.</summary>
        public long PipelineStarted { get; set; }

        /// <summary>A Retry-After longer than the time left: the wait asked for, the time that was left, when to try again.</summary>
        public (TimeSpan Asked, TimeSpan Left, DateTimeOffset At)? RefusedWait { get; set; }
    }

    internal sealed class Attempt
    {
        public Attempt(DwsResponse response, object? value, Exception? readError)
        {
            Response = response;
            Value = value;
            ReadError = readError;
        }

        public DwsResponse Response { get; }
        public object? Value { get; }
        public Exception? ReadError { get; }
    }
}
