using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace DwsPowerShell.Emulator.Core;

/// <summary>Holds the fault rules and decides, with a seeded Random, which request gets which fault.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly Random _random;
    private List<(FaultRule Rule, Regex? Method, Regex Path)> _rules = [];
    private Dictionary<FaultRule, int> _counts = [];

    public FaultInjector(IEnumerable<FaultRule> rules, int seed)
    {
        _random = new Random(seed);
        SetRules(rules);
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) return _rules.Select(r => r.Rule).ToArray(); }
    }

    public void SetRules(IEnumerable<FaultRule> rules)
    {
        var compiled = rules.Select(Compile).ToList();
        lock (_gate)
        {
            _rules = compiled;
            _counts = [];
        }
    }

    public int InjectedCount(FaultRule rule)
    {
        lock (_gate) return _counts.GetValueOrDefault(rule);
    }

    internal FaultRule? Pick(HttpContext http)
    {
        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? "/";
        var template = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (template is not null && !template.StartsWith('/')) template = "/" + template;
        lock (_gate)
        {
            foreach (var (rule, methodGlob, pathGlob) in _rules)
            {
                if (methodGlob is not null && !methodGlob.IsMatch(method)) continue;
                if (!pathGlob.IsMatch(path) && (template is null || !pathGlob.IsMatch(template))) continue;
                var count = _counts.GetValueOrDefault(rule);
                if (rule.MaxCount is { } max && count >= max) continue;
                if (rule.Rate < 1 && _random.NextDouble() >= rule.Rate) continue;
                _counts[rule] = count + 1;
                return rule;
            }
        }
        return null;
    }

    private static (FaultRule, Regex?, Regex) Compile(FaultRule rule)
    {
        var route = rule.Route.Trim();
        if (route is "" or "*") return (rule, null, new Regex("^.*$"));
        var space = route.IndexOf(' ');
        var method = space > 0 ? route[..space] : null;
        var path = space > 0 ? route[(space + 1)..].Trim() : route;
        var methodRegex = method is null or "*" ? null : new Regex("^" + Regex.Escape(method) + "$", RegexOptions.IgnoreCase);
        if (path is "*" or "**") return (rule, methodRegex, new Regex("^.*$"));
        var pathRegex = "^" + Regex.Escape(path).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "/?$";
        return (rule, methodRegex, new Regex(pathRegex, RegexOptions.IgnoreCase));
    }
}
