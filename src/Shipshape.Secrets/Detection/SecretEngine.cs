using System.Buffers;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Shipshape.Secrets.Config;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// The compiled, immutable secret scanner: one keyword pass over the content for all rules, then the regexes of
/// only those rules whose keywords occurred; secret group, entropy, allowlists, stop words and
/// <c>gitleaks:allow</c>; then encoded segments decoded and searched again, to a bounded depth. Thread-safe.
/// </summary>
public sealed class SecretEngine
{
    /// <summary>A line containing this is never reported (gitleaks' inline allow comment).</summary>
    public const string AllowComment = "gitleaks:allow";

    /// <summary>The tag of rules that match by assignment and entropy rather than a provider's format.</summary>
    public const string GenericTag = "generic";

    private static readonly Lazy<SecretEngine> DefaultEngine = new(() => Create(GitleaksConfigLoader.BuiltIn));

    private readonly ImmutableArray<CompiledRule> _rules;
    private readonly ImmutableArray<CompiledAllowlist> _globalAllowlists;
    private readonly string[] _keywords;
    private readonly SearchValues<string>? _keywordSearch;
    // For each keyword, the rules it activates; per first character, the keywords starting with it.
    private readonly int[][] _rulesByKeyword;
    private readonly Dictionary<char, int[]> _keywordsByFirstChar;
    private readonly int[] _alwaysRun;

    private SecretEngine(ImmutableArray<CompiledRule> rules, ImmutableArray<CompiledAllowlist> globals, int maxDecodeDepth)
    {
        _rules = rules;
        _globalAllowlists = globals;
        MaxDecodeDepth = maxDecodeDepth;
        _keywords = [.. rules.SelectMany(r => r.Rule.Keywords).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _keywordSearch = _keywords.Length == 0 ? null : SearchValues.Create(_keywords, StringComparison.OrdinalIgnoreCase);
        _rulesByKeyword = [.. _keywords.Select(k => Enumerable.Range(0, rules.Length).Where(i => rules[i].Rule.Keywords.Contains(k)).ToArray())];
        _keywordsByFirstChar = Enumerable.Range(0, _keywords.Length)
            .GroupBy(i => char.ToLowerInvariant(_keywords[i][0]))
            .ToDictionary(g => g.Key, g => g.ToArray());
        _alwaysRun = [.. Enumerable.Range(0, rules.Length).Where(i => rules[i].Rule.Keywords.IsEmpty)];
    }

    /// <summary>The built-in rules, compiled once.</summary>
    public static SecretEngine Default => DefaultEngine.Value;

    public int RuleCount => _rules.Length;

    public int MaxDecodeDepth { get; }

    /// <summary>Every keyword of every rule, lower-case (what the benchmark's keyword floor searches for).</summary>
    public IReadOnlyList<string> Keywords => _keywords;

    /// <summary>Compiles a configuration.</summary>
    /// <exception cref="SecretConfigException">A regex is invalid or a secret group does not exist.</exception>
    public static SecretEngine Create(SecretConfig config, int maxDecodeDepth = 2)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SecretEngine(
            [.. config.Rules.Select(r => new CompiledRule(r))],
            [.. config.Allowlists.Select((a, i) => new CompiledAllowlist(a, $"allowlists[{i}]"))],
            maxDecodeDepth);
    }

    /// <summary>The secrets in <paramref name="text"/>, found at <paramref name="path"/> (with '/' separators), in order of position.</summary>
    public ImmutableArray<SecretHit> Scan(string text, string path, string? commit = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        if (_globalAllowlists.Any(a => a.TargetRules.IsEmpty && a.AllowsPath(path)))
        {
            return [];
        }

        var hits = ImmutableArray.CreateBuilder<SecretHit>();
        Scan(text, path, commit, 0, null, hits);

        // A generic rule's hit on a line where a specific rule already reported is the same secret, less precisely named.
        var specificLines = hits.Where(h => !h.Tags.Contains(GenericTag)).Select(h => h.Line).ToHashSet();
        return [.. hits.Where(h => !h.Tags.Contains(GenericTag) || !specificLines.Contains(h.Line)).OrderBy(h => h.Line).ThenBy(h => h.Column).ThenBy(h => h.RuleId, StringComparer.Ordinal)];
    }

    /// <summary>Runs only the rule with this ID (the samples test uses it).</summary>
    public ImmutableArray<SecretHit> ScanWithRule(string ruleId, string text, string path)
    {
        var index = _rules.IndexOf(_rules.FirstOrDefault(r => r.Rule.Id == ruleId)!);
        if (index < 0)
        {
            throw new KeyNotFoundException($"no secret rule '{ruleId}'");
        }

        var hits = ImmutableArray.CreateBuilder<SecretHit>();
        RunRule(_rules[index], text, [Range.All], path, null, new Lazy<LineIndex>(() => new LineIndex(text)), null, hits);
        return hits.ToImmutable();
    }

    private void Scan(string text, string path, string? commit, int depth, EncodedContext? encoded, ImmutableArray<SecretHit>.Builder hits)
    {
        var active = ActiveRules(text);
        var lines = new Lazy<LineIndex>(() => new LineIndex(text));
        foreach (var (index, windows) in active)
        {
            RunRule(_rules[index], text, windows, path, commit, lines, encoded, hits);
        }

        if (depth >= MaxDecodeDepth)
        {
            return;
        }

        foreach (var segment in SegmentDecoder.Find(text))
        {
            var (line, column) = encoded is not null ? (encoded.Line, encoded.Column) : lines.Value.Position(segment.Start);
            var (endLine, endColumn) = encoded is not null ? (encoded.EndLine, encoded.EndColumn) : lines.Value.Position(segment.Start + segment.Length - 1);
            var context = new EncodedContext(line, column, endLine, endColumn, [.. encoded?.Encodings ?? [], segment.Encoding]);
            Scan(segment.Decoded, path, commit, depth + 1, context, hits);
        }
    }

    // One pass over the text for every keyword of every rule. A rule runs only where its keywords occur: on
    // each line holding one (or, for rules whose matches span lines, from the first such line to the end).
    private SortedDictionary<int, List<Range>> ActiveRules(string text)
    {
        var active = new SortedDictionary<int, List<Range>>();
        foreach (var rule in _alwaysRun)
        {
            active[rule] = [Range.All];
        }

        if (_keywordSearch is null)
        {
            return active;
        }

        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var i = span[at..].IndexOfAny(_keywordSearch);
            if (i < 0)
            {
                break;
            }

            at += i;
            if (_keywordsByFirstChar.TryGetValue(char.ToLowerInvariant(span[at]), out var candidates))
            {
                int? lineStart = null;
                var lineEnd = 0;
                foreach (var k in candidates)
                {
                    if (!span[at..].StartsWith(_keywords[k], StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (lineStart is null)
                    {
                        lineStart = span[..at].LastIndexOf('\n') + 1;
                        var end = span[at..].IndexOf('\n');
                        lineEnd = end < 0 ? span.Length : at + end;
                    }

                    foreach (var rule in _rulesByKeyword[k])
                    {
                        if (!active.TryGetValue(rule, out var windows))
                        {
                            active[rule] = windows = [];
                        }

                        if (_rules[rule].SpansLines)
                        {
                            if (windows.Count == 0)
                            {
                                windows.Add(lineStart.Value..);
                            }
                        }
                        else if (windows.Count == 0 || windows[^1].End.Value + 1 < lineStart.Value)
                        {
                            windows.Add(lineStart.Value..lineEnd);
                        }
                        else if (windows[^1].End.Value < lineEnd)
                        {
                            // The next line: one window for consecutive lines saves a regex call per line.
                            windows[^1] = windows[^1].Start..lineEnd;
                        }
                    }
                }
            }

            at++;
        }

        return active;
    }

    private void RunRule(CompiledRule rule, string text, List<Range> windows, string path, string? commit, Lazy<LineIndex> lines, EncodedContext? encoded, ImmutableArray<SecretHit>.Builder hits)
    {
        if (rule.Path is { } pathRegex && !pathRegex.IsMatch(path))
        {
            return;
        }

        if (rule.Regex is null)
        {
            // A path-only rule reports the file itself.
            if (encoded is null && !Allowed(rule, path, path, path, path, commit))
            {
                hits.Add(Hit(rule, path, 0, 0, 0, 0, encoded));
            }

            return;
        }

        foreach (var window in windows)
        {
            var (start, length) = window.GetOffsetAndLength(text.Length);
            RunWindow(rule, text, start, length, path, commit, lines, encoded, hits);
        }
    }

    private void RunWindow(CompiledRule rule, string text, int start, int length, string path, string? commit, Lazy<LineIndex> lines, EncodedContext? encoded, ImmutableArray<SecretHit>.Builder hits)
    {
        Match match;
        try
        {
            match = rule.Regex!.Match(text, start, length);
        }
        catch (RegexMatchTimeoutException)
        {
            return;
        }

        for (; match.Success; match = NextOrStop(match))
        {
            if (rule.SecretOf(match) is not { } group)
            {
                continue;
            }

            var secret = group.Value;
            if (secret.Length == 0 || (rule.Rule.Entropy > 0 && Entropy.Shannon(secret) < rule.Rule.Entropy))
            {
                continue;
            }

            var line = lines.Value.LinesAround(match.Index, match.Index + match.Length);
            if (line.Contains(AllowComment, StringComparison.Ordinal)
                || Allowed(rule, path, secret, match.ValueSpan, line, commit))
            {
                continue;
            }

            if (encoded is not null)
            {
                hits.Add(Hit(rule, secret, encoded.Line, encoded.Column, encoded.EndLine, encoded.EndColumn, encoded));
                continue;
            }

            var (startLine, startColumn) = lines.Value.Position(group.Index);
            var (endLine, endColumn) = lines.Value.Position(group.Index + group.Length - 1);
            hits.Add(Hit(rule, secret, startLine, startColumn, endLine, endColumn, null));
        }
    }

    // A pattern that runs past its timeout on this window gives up on the window, not on the scan.
    private static Match NextOrStop(Match match)
    {
        try
        {
            return match.NextMatch();
        }
        catch (RegexMatchTimeoutException)
        {
            return Match.Empty;
        }
    }

    private bool Allowed(CompiledRule rule, string path, string secret, ReadOnlySpan<char> match, ReadOnlySpan<char> line, string? commit)
    {
        foreach (var allowlist in rule.Allowlists)
        {
            if (allowlist.Allows(path, secret, match, line, commit))
            {
                return true;
            }
        }

        foreach (var allowlist in _globalAllowlists)
        {
            if ((allowlist.TargetRules.IsEmpty || allowlist.TargetRules.Contains(rule.Rule.Id)) && allowlist.Allows(path, secret, match, line, commit))
            {
                return true;
            }
        }

        return false;
    }

    private static SecretHit Hit(CompiledRule rule, string secret, int line, int column, int endLine, int endColumn, EncodedContext? encoded) => new()
    {
        RuleId = rule.Rule.Id,
        Description = rule.Rule.Description,
        Line = line,
        Column = column,
        EndLine = endLine,
        EndColumn = endColumn,
        Redacted = Redaction.Redact(secret),
        SecretHash = Redaction.Hash(secret),
        Tags = rule.Rule.Tags,
        DecodedFrom = encoded?.Encodings ?? [],
    };

    /// <summary>Where decoded text came from: the outermost segment's position, and the encodings peeled so far.</summary>
    private sealed record EncodedContext(int Line, int Column, int EndLine, int EndColumn, ImmutableArray<string> Encodings);
}
