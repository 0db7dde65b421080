namespace DwsPowerShell.Client.Models.Connections;

/// <summary>
/// The body of 5.9.1 (apply for a domain name) and 5.9.2 (modify it): all three fields are mandatory,
/// and 5.9.2 replaces the whole record (quirks.md 7.8).
/// </summary>
public sealed class DomainNameRequest
{
    public DomainNameRequest()
    {
    }

    public DomainNameRequest(string name, string type, int ttl)
    {
        Name = name;
        Type = type;
        Ttl = ttl;
    }

    /// <summary>Domain name; may contain hyphens (-) but not underscores (_).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>public or private.</summary>
    public string Type { get; set; } = DomainNameTypes.Private;

    /// <summary>Caching period of the SOA record set in seconds, 300 to 2147483647 (default 300).</summary>
    public int Ttl { get; set; } = DomainNameTypes.DefaultTtl;

    public override string ToString() => $"{Type} {Name} ttl={Ttl}";
}

/// <summary>The domain name types of 5.9.1–5.9.3 and the TTL range.</summary>
public static class DomainNameTypes
{
    public const string Public = "public";
    public const string Private = "private";
    public const int DefaultTtl = 300;
    public const int MinTtl = 300;

    /// <summary>The wire spelling of <paramref name="type"/> (public or private, any casing), or an ArgumentException.</summary>
    public static string Normalize(string? type, string parameterName = "type")
    {
        var t = type?.Trim();
        if (string.Equals(t, Public, StringComparison.OrdinalIgnoreCase)) return Public;
        if (string.Equals(t, Private, StringComparison.OrdinalIgnoreCase)) return Private;
        throw new ArgumentException($"The domain name type must be public or private, not '{type}'.", parameterName);
    }
}
