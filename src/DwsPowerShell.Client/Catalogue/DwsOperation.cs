namespace DwsPowerShell.Client.Catalogue;

/// <summary>Whether a lost answer may be sent again as is: GET/HEAD and the POSTs that only read (quirks.md 7.7) are safe, everything else unsafe.</summary>
public enum DwsRetry
{
    Safe,
    Unsafe,
}

/// <summary>How an operation pages (quirks.md 3).</summary>
public enum DwsOperationPaging
{
    /// <summary>One answer, no paging parameters.</summary>
    None,

    /// <summary>offset is a zero-based record offset, limit a page size (query string, also on the POST of 5.2.34).</summary>
    OffsetLimit,

    /// <summary>offset is a one-based page number (5.4.1-5.4.3, 5.8.1, 5.8.2, 5.8.4: quirks.md 3.1).</summary>
    PageNumber,

    /// <summary>offset and limit travel as strings in the POST body (5.14.7: quirks.md 3.2).</summary>
    OffsetLimitBody,
}

/// <summary>
/// One operation of the reference: a row of Catalogue/operations.tsv, compiled into <see cref="DwsOperations"/> by
/// DwsPowerShell.Catalogue.Generator (docs/catalogue.md).
/// </summary>
public sealed class DwsOperation
{
    internal DwsOperation(string section, string title, string area, string method, string path, DwsRetry retry, DwsOperationPaging paging,
        string cmdlet, int refLine, string[] clientMethods)
    {
        Section = section;
        Title = title;
        Area = area;
        Method = method;
        Path = path;
        Retry = retry;
        Paging = paging;
        Cmdlet = cmdlet;
        RefLine = refLine;
        ClientMethods = clientMethods;
    }

    /// <summary>The reference's section number, e.g. 5.2.3.</summary>
    public string Section { get; }

    /// <summary>The section's title in the reference.</summary>
    public string Title { get; }

    /// <summary>The reference's chapter as a name, e.g. Clusters for 5.2.</summary>
    public string Area { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The URI template as the reference writes it, e.g. /v2/{project_id}/clusters.</summary>
    public string Path { get; }

    public DwsRetry Retry { get; }

    public DwsOperationPaging Paging { get; }

    /// <summary>The cmdlet that serves (or is to serve) the operation.</summary>
    public string Cmdlet { get; }

    /// <summary>The line of the section's heading in the reference text.</summary>
    public int RefLine { get; }

    /// <summary>The client methods ("ClustersApi.CreateAsync") whose doc comment starts with this section; computed at build time.</summary>
    public IReadOnlyList<string> ClientMethods { get; }

    /// <summary>Whether a client method serves the operation today.</summary>
    public bool Served => ClientMethods.Count > 0;

    public override string ToString() => $"{Section} {Method} {Path}";
}
