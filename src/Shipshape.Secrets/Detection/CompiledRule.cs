using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;

namespace Shipshape.Secrets.Detection;

/// <summary>A rule with its regexes compiled, ready to run.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(SecretRule rule)
    {
        Rule = rule;
        var where = $"rule '{rule.Id}'";
        Regex = rule.Regex is null ? null : PatternCompiler.Compile(rule.Regex, where);
        Path = rule.Path is null ? null : PatternCompiler.CompilePath(rule.Path, where + " path");
        SpansLines = rule.Regex is { } pattern
            && (pattern.Contains("-----BEGIN", StringComparison.Ordinal) || pattern.Contains(@"\n", StringComparison.Ordinal) || pattern.Contains("(?s", StringComparison.Ordinal));
        Allowlists = [.. rule.Allowlists.Select(a => new CompiledAllowlist(a, where))];
        IsGeneric = rule.Tags.Contains(SecretEngine.GenericTag);
        FiltersValues = IsGeneric || rule.Tags.Contains("url-credentials") || rule.Tags.Contains("connection-string");
        GroupCount = Regex is null ? 0 : Regex.GetGroupNumbers().Length - 1;
        if (rule.SecretGroup > GroupCount)
        {
            throw new SecretConfigException($"{where}: secretGroup {rule.SecretGroup} but the regex has {GroupCount} groups");
        }
    }

    public SecretRule Rule { get; }

    /// <summary>A rule that matches by assignment and entropy rather than a provider's format.</summary>
    public bool IsGeneric { get; }

    /// <summary>Whether its secrets go through <see cref="NonCredential"/> (assignment-shaped rules: generic, URLs, connection strings).</summary>
    public bool FiltersValues { get; }

    /// <summary>Whether a match may continue past the line its keyword is on (PEM blocks, patterns with \n).</summary>
    public bool SpansLines { get; }
    public Regex? Regex { get; }
    public Regex? Path { get; }
    public ImmutableArray<CompiledAllowlist> Allowlists { get; }
    public int GroupCount { get; }

    /// <summary>The secret of a match: the configured group, else the first non-empty group, else the whole match.</summary>
    public Group? SecretOf(Match match)
    {
        if (Rule.SecretGroup > 0)
        {
            var group = match.Groups[Rule.SecretGroup];
            return group.Success ? group : null;
        }

        for (var i = 1; i <= GroupCount; i++)
        {
            if (match.Groups[i] is { Success: true, Length: > 0 } group)
            {
                return group;
            }
        }

        return match;
    }
}
