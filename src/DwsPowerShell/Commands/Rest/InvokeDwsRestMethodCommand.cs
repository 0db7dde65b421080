using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using DwsPowerShell.Client.Errors;
using DwsPowerShell.Client.Transport;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Internal;

namespace DwsPowerShell.Commands.Rest;

/// <summary>Calls any Huawei Cloud API on the session's credentials: DWS operations no cmdlet covers yet, and the services beside DWS (CDM, SFS, DDM, IAM...).</summary>
/// <remarks>Sends one request, signed as every DWS call is (AK/SK, or the session's IAM token), through the session's transport: the same retries (GET and HEAD are retried on throttling, 5xx and lost connections; a change only when the service provably did not act), timeouts, answer size limit and error records. -Path is a path template whose {project_id} is filled from the session; -Service names the service whose endpoint it goes to (dws by default; cdm, sfs, ddm, iam... resolve to https://{service}.{region}.{domain} of the session's cloud, and a session connected with -Endpoint, such as the emulator, sends every service there), or -Uri gives the whole URL. -Body is sent as is when it is a string, and serialised to JSON with its keys unchanged when it is a hashtable, ordered dictionary or PSCustomObject (CDM wants stopMode, not stop_mode). The answer is written as PowerShell objects parsed from its JSON (an array item by item); -Raw writes the body text, and -IncludeResponse writes a DwsRestResponse with the status code, headers and request ID beside the parsed value. An error answer in any known shape (DWS error_code/error_msg, APIGW, errCode/externalMessage, the OpenStack {"itemNotFound":{"message"}} of SFS, plain text) becomes an error record with the code and message. Anything but GET and HEAD asks for confirmation under -Confirm and is skipped under -WhatIf.</remarks>
/// <example title="Stop a CDM cluster at once (seed: CDM stop cluster)">
/// <code>
/// Invoke-DwsRestMethod -Service cdm -Method POST -Path '/v1.1/{project_id}/clusters/3c4a7b1e-0f5d-4c2e-9a6b-1d2e3f4a5b6c/action' -Body @{ stop = @{ stopMode = 'IMMEDIATELY'; delayTime = -1 } }
/// </code>
/// <para>Sends {"stop":{"stopMode":"IMMEDIATELY","delayTime":-1}} to the CDM endpoint of the session's region; the answer's jobId list is written. The cluster's detail (GET /v1.1/{project_id}/clusters/{cluster_id}) then reads status 910 (stopping), then 900 (stopped). The ID is the cluster the emulator starts with, so the line runs as written against it.</para>
/// </example>
/// <example title="Wait for a shrunk SFS share to reach its new size">
/// <code>
/// Invoke-DwsRestMethod -Service sfs -Path '/v2/{project_id}/shares/6f1a2b3c-4d5e-4f60-8a71-92b3c4d5e6f7' -Property share.size -Value 1 -PollIntervalSec 5 -TimeoutSec 600
/// </code>
/// <para>Reads the share every 5 seconds until its size is 1 (the SFS shrink answers 202 and finishes later), then writes the last answer; -Until { $_.share.status -eq 'available' } takes any condition. The shrink itself is Invoke-DwsRestMethod -Service sfs -Method POST -Path '/v2/{project_id}/shares/{share_id}/action' -Body @{ 'os-shrink' = @{ new_size = 1 } }, which writes nothing. The ID is the emulator's share.</para>
/// </example>
/// <example title="Scale in a DDM instance on an IAM token (seed: DDM scale-in)">
/// <code>
/// Connect-DwsService -Region eu-west-101 -UserName dwsadmin -DomainName my-domain -Password (Read-Host -AsSecureString 'IAM password')
/// Invoke-DwsRestMethod -Service ddm -Method POST -Path '/v2/{project_id}/instances/28e8841d0b9c4f6a9a30742ee60e1068in09/action/reduce' -Body @{ node_number = 1; group_id = 'f080abf2010d45118068c28c8958f5fcgr09' }
/// Invoke-DwsRestMethod -Service ddm -Path '/v1/{project_id}/instances/28e8841d0b9c4f6a9a30742ee60e1068in09' -Until { $_.status -eq 'RUNNING' } -PollIntervalSec 10 -TimeoutSec 1800
/// </code>
/// <para>DDM takes only an IAM token (X-Auth-Token): a session connected with an access key is refused with HTTP 401, so connect as an IAM user. The scale-in answers instanceId, instanceName and jobId; the instance reads REDUCING until the node is removed, then RUNNING with node_count one lower. group_id is needed when the instance has more than one node group (GET /v3/{project_id}/instances/{instance_id}/groups lists them). The IDs are the emulator's instance and group.</para>
/// </example>
/// <example title="Read a DWS answer with its status and request ID">
/// <code>
/// $r = Invoke-DwsRestMethod -Path '/v1.0/{project_id}/clusters' -IncludeResponse
/// $r.StatusCode, $r.RequestId, $r.Value.clusters.Count
/// </code>
/// <para>The parsed answer is in Value; Headers holds the answer's headers.</para>
/// </example>
/// <example title="Pipe the clusters of a raw call on">
/// <code>
/// (Invoke-DwsRestMethod -Path '/v1.0/{project_id}/clusters').clusters | Where-Object status -eq 'AVAILABLE' | Select-Object id, name
/// </code>
/// <para>Properties keep the API's own names (id, name, status).</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "DwsRestMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
[OutputType(typeof(PSObject), typeof(string), typeof(DwsRestResponse))]
public sealed class InvokeDwsRestMethodCommand : DwsWaitingCmdlet
{
    private const string PathSet = "Path";
    private const string UriSet = "Uri";

    /// <summary>The HTTP method: GET (the default), HEAD, POST, PUT, PATCH or DELETE.</summary>
    [Parameter]
    [ValidateSet("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    /// <summary>The path, starting with /, such as /v1.1/{project_id}/clusters; {project_id} is the session's project. Put the query in -Query.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The service whose endpoint the path is sent to: dws (the default), cdm, sfs, ddm, iam or any other of the cloud; https://{service}.{region}.{domain} in the session's cloud.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServiceNameCompleter))]
    public string Service { get; set; } = "dws";

    /// <summary>The whole URL, for an endpoint the session cannot derive; {project_id} in its path is still filled in, and its query kept.</summary>
    [Parameter(Mandatory = true, ParameterSetName = UriSet)]
    [ValidateNotNull]
    public Uri Uri { get; set; } = null!;

    /// <summary>Query parameters, as a hashtable; an array value is sent as repeated keys.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Query { get; set; }

    /// <summary>Headers of the request's own, as a hashtable (signed with it). Host, Authorization, X-Sdk-Date, X-Auth-Token, X-Security-Token and Content-Type are the session's: use -ContentType for the last.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Header { get; set; }

    /// <summary>The body: a string is sent as is; a hashtable, ordered dictionary, PSCustomObject or array is serialised to JSON with its keys unchanged.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary>The body's media type; application/json by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ContentType { get; set; } = "application/json";

    /// <summary>Writes the answer's body as text, not parsed.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>Writes a DwsRestResponse (StatusCode, RequestId, Headers, Content, Value) instead of the parsed answer alone.</summary>
    [Parameter]
    public SwitchParameter IncludeResponse { get; set; }

    /// <summary>Repeats the read (GET or HEAD) every -PollIntervalSec until this script block, given the parsed answer as $_, returns true; the last answer is written. Gives up after -TimeoutSec.</summary>
    [Parameter]
    [ValidateNotNull]
    public ScriptBlock? Until { get; set; }

    /// <summary>Repeats the read until the answer's property at this dotted path (such as share.size or status) equals -Value (PowerShell's -eq).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Property { get; set; }

    /// <summary>The value -Property waits for.</summary>
    [Parameter]
    [AllowNull]
    public object? Value { get; set; }

    protected override void ProcessRecord()
    {
        DwsRequest request;
        try
        {
            request = Build();
        }
        catch (Exception ex) when (ex is ArgumentException or Client.DwsConfigurationException)
        {
            ThrowDwsError(ex, ParameterSetName == UriSet ? Uri : Path);
            return;
        }
        var target = $"{request.Method} {(request.Endpoint ?? DwsSession.Endpoint).GetLeftPart(UriPartial.Authority)}{request.Template}";
        if (request.Kind == DwsCallKind.Mutation && !ShouldProcess(target, $"Invoke {request.Method}")) return;

        var waits = Until is not null || Property is not null;
        if (waits && request.Kind == DwsCallKind.Mutation)
        {
            ThrowDwsError(new Client.Errors.DwsArgumentException($"-{(Until is not null ? "Until" : "Property")} repeats a read: use it with -Method GET or HEAD, and send the change in a call of its own first.",
                Until is not null ? "Until" : "Property", Method), target);
            return;
        }
        if (Property is not null && !MyInvocation.BoundParameters.ContainsKey(nameof(Value)))
        {
            ThrowDwsError(new Client.Errors.DwsArgumentException("-Property waits for a value: give -Value too (such as -Property status -Value AVAILABLE).", "Value", null), target);
            return;
        }

        ForItem(target, () =>
        {
            var response = waits ? Poll(request, target) : Await(ct => DwsSession.Transport.SendAsync(request, ct));
            var value = Raw || request.Method == "HEAD" ? null : Parse(response);
            if (IncludeResponse)
            {
                WriteObject(new DwsRestResponse(response.StatusCode, response.RequestId, response.Headers, response.Body, value));
            }
            else if (Raw)
            {
                WriteObject(response.Body);
            }
            else if (value is not null)
            {
                WriteObject(value, enumerateCollection: value is object[]);
            }
        });
    }

    /// <summary>Reads until the condition holds on the answer, with the one waiter, its progress and cancellation.</summary>
    private DwsResponse Poll(DwsRequest request, string target)
    {
        DwsResponse? last = null;
        AwaitWithProgress($"Invoke-DwsRestMethod: waiting on {target}", async (progress, ct) =>
        {
            await DwsWaiter.PollAsync(async c =>
            {
                last = await DwsSession.Transport.SendAsync(request, c).ConfigureAwait(false);
                var value = Parse(last);
                var holds = await OnPipeline(() => Holds(value)).ConfigureAwait(false);
                progress(Property is null ? $"HTTP {last.StatusCode}" : $"{Property} = {Describe(Lookup(value, Property))}", null);
                return holds;
            }, WaitOptions, () => new[] { Until?.ToString().Trim() ?? $"{Property} -eq {Value}" }, target, ct).ConfigureAwait(false);
            return true;
        });
        return last!;
    }

    /// <summary>Runs a check on the pipeline thread (script blocks run only there) and hands its answer back to the waiter.</summary>
    private Task<bool> OnPipeline(Func<bool> check)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                answer.SetResult(check());
            }
            catch (Exception ex)
            {
                answer.SetException(ex);
            }
        });
        return answer.Task;
    }

    private bool Holds(object? value)
    {
        if (Until is not null)
        {
            var result = Until.InvokeWithContext(null, new List<PSVariable> { new("_", value), new("PSItem", value) });
            return result.Count > 0 && LanguagePrimitives.IsTrue(result[result.Count - 1]);
        }
        return LanguagePrimitives.Equals(Lookup(value, Property!), Value, ignoreCase: true, CultureInfo.InvariantCulture);
    }

    /// <summary>The value at a dotted path (share.size) of the parsed answer; null where a step is missing.</summary>
    private static object? Lookup(object? value, string path)
    {
        foreach (var step in path.Split('.'))
        {
            if (value is null) return null;
            value = PSObject.AsPSObject(value).Properties[step]?.Value;
        }
        return value is PSObject o && o.BaseObject is not PSCustomObject ? o.BaseObject : value;
    }

    private static string Describe(object? value) => value switch
    {
        null => "(none)",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private DwsRequest Build()
    {
        string template;
        Uri endpoint;
        var queryPairs = new List<KeyValuePair<string, string>>();
        if (ParameterSetName == UriSet)
        {
            if (!Uri.IsAbsoluteUri) throw new ArgumentException($"-Uri '{Uri.OriginalString}' is not an absolute URL: give https://host/path, or use -Path.", nameof(Uri));
            endpoint = new Uri(Uri.GetLeftPart(UriPartial.Authority));
            template = Uri.UnescapeDataString(Uri.AbsolutePath);
            foreach (var pair in Uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                queryPairs.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq)), eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1))));
            }
        }
        else
        {
            template = Path;
            try
            {
                endpoint = DwsSession.ServiceEndpoint(Service);
            }
            catch (ArgumentException ex)
            {
                throw new Client.Errors.DwsArgumentException("-Service " + ex.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0], nameof(Service), Service);
            }
        }
        if (!IsMediaType(ContentType))
            throw new Client.Errors.DwsArgumentException($"-ContentType '{Shown(ContentType)}' is not a media type such as application/json.", nameof(ContentType), ContentType);
        if (Property is not null && Property.Split('.').Any(step => step.Trim().Length == 0 || step.Any(char.IsControl)))
            throw new Client.Errors.DwsArgumentException($"-Property '{Shown(Property)}' is not a dotted path of property names such as share.size.", nameof(Property), Property);
        var request = DwsRequest.Custom(Method, template, ParameterSetName == UriSet ? "Uri" : "Path");
        if (ParameterSetName == UriSet || !string.Equals(Service, "dws", StringComparison.OrdinalIgnoreCase)) request.At(endpoint);
        foreach (var pair in queryPairs) request.Query(pair.Key, pair.Value, "Uri");
        if (Query is not null)
        {
            foreach (DictionaryEntry entry in Query)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                if (entry.Value is not string && entry.Value is IEnumerable values) request.QueryEach(key, values.Cast<object?>().Select(Text), "Query");
                else request.Query(key, Text(entry.Value), "Query");
            }
        }
        if (Header is not null)
        {
            foreach (DictionaryEntry entry in Header) request.Header(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", Text(entry.Value));
        }
        if (Body is not null)
        {
            var bytes = (Body is PSObject { BaseObject: string } wrapped ? wrapped.BaseObject : Body) is string text ? Encoding.UTF8.GetBytes(text) : PSJson.ToJson(Body);
            request.WithRawBody(bytes, ContentType);
        }
        return request;
    }

    /// <summary>A value as an error message shows it: control characters escaped, at most 80 characters.</summary>
    private static string Shown(string value)
    {
        var text = value.Length > 80 ? value.Substring(0, 80) + "…" : value;
        return string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    /// <summary>type/subtype with optional parameters, no control characters (it travels as a header).</summary>
    private static bool IsMediaType(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\s*;[^\x00-\x1f\x7f]*)?$");

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        PSObject o => Text(o.BaseObject),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The answer's JSON as PowerShell objects; a body that is not JSON is written as its text.</summary>
    private static object? Parse(DwsResponse response)
    {
        var body = response.Body;
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return PSJson.ToPowerShell(doc.RootElement);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}

/// <summary>What Invoke-DwsRestMethod -IncludeResponse writes: the answer with its status, headers and request ID.</summary>
public sealed class DwsRestResponse
{
    internal DwsRestResponse(int statusCode, string? requestId, IReadOnlyDictionary<string, string> headers, string content, object? value)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        Headers = headers;
        Content = content;
        Value = value;
    }

    public int StatusCode { get; }

    public string? RequestId { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as text.</summary>
    public string Content { get; }

    /// <summary>The body parsed from JSON (PSCustomObjects, arrays, numbers, strings), or its text when it is not JSON.</summary>
    public object? Value { get; }

    public override string ToString() => $"{StatusCode} ({Content.Length} characters{(RequestId is null ? "" : ", request ID " + RequestId)})";
}
