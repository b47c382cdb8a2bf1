using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;

namespace Shipshape.Secrets.Detection;

/// <summary>An allowlist with its regexes compiled.</summary>
internal sealed class CompiledAllowlist
{
    private readonly AllowlistCondition _condition;
    private readonly ImmutableArray<Regex> _paths;
    private readonly ImmutableArray<Regex> _regexes;
    private readonly RegexTarget _target;
    private readonly ImmutableArray<string> _stopWords;
    private readonly ImmutableHashSet<string> _commits;

    public CompiledAllowlist(SecretAllowlist source, string where)
    {
        _condition = source.Condition;
        _paths = PatternCompiler.CompilePaths(source.Paths, where + " allowlist path");
        _regexes = [.. source.Regexes.Select(p => PatternCompiler.Compile(p, where + " allowlist regex"))];
        _target = source.RegexTarget;
        _stopWords = source.StopWords;
        _commits = [.. source.Commits];
        TargetRules = [.. source.TargetRules];
    }

    public ImmutableHashSet<string> TargetRules { get; }

    /// <summary>Whether only paths are given, so a whole file can be skipped before it is searched.</summary>
    public bool IsPathOnly => !_paths.IsEmpty && _regexes.IsEmpty && _stopWords.IsEmpty && _commits.IsEmpty;

    public bool AllowsPath(string path) => IsPathOnly && _paths.Any(p => p.IsMatch(path));

    public bool Allows(string path, string secret, ReadOnlySpan<char> match, ReadOnlySpan<char> line, string? commit)
    {
        var checks = 0;
        var passed = 0;
        if (!_commits.IsEmpty)
        {
            checks++;
            passed += commit is not null && _commits.Contains(commit) ? 1 : 0;
        }

        if (!_paths.IsEmpty)
        {
            checks++;
            passed += _paths.Any(p => p.IsMatch(path)) ? 1 : 0;
        }

        if (!_regexes.IsEmpty)
        {
            checks++;
            var target = _target switch
            {
                RegexTarget.Match => match,
                RegexTarget.Line => line,
                _ => secret.AsSpan(),
            };
            var hit = false;
            foreach (var regex in _regexes)
            {
                if (regex.IsMatch(target))
                {
                    hit = true;
                    break;
                }
            }

            passed += hit ? 1 : 0;
        }

        if (!_stopWords.IsEmpty)
        {
            checks++;
            passed += _stopWords.Any(w => secret.Contains(w, StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        }

        return checks > 0 && (_condition == AllowlistCondition.And ? passed == checks : passed > 0);
    }
}
