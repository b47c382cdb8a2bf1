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
    // Where keywords may start: the prefilter for ASCII keywords (the built-in ones), else Aho-Corasick; either way a
    // position is confirmed against the keywords its first two characters select.
    private readonly KeywordPrefilter? _keywordPrefilter;
    private readonly SearchValues<string>? _keywordSearch;
    // For each keyword, the rules it activates; per first character, the keywords starting with it.
    private readonly int[][] _rulesByKeyword;
    private readonly Dictionary<char, int[]> _keywordsByFirstChar;
    // Per pair of leading ASCII characters (lower-cased, first * 128 + second), the keywords starting with them: a
    // keyword hit is then checked against a handful of keywords instead of every keyword with its first letter.
    private readonly int[]?[] _keywordsByAsciiPair;
    private readonly int[] _alwaysRun;
    private readonly Dictionary<string, int> _ruleOrder;
    private readonly bool _kubernetesSecrets;
    // Whether a rule without keywords has a pattern (not only a path), so that no text can be ruled out by keywords.
    private readonly bool _alwaysRunsPattern;

    private SecretEngine(ImmutableArray<CompiledRule> rules, ImmutableArray<CompiledAllowlist> globals, int maxDecodeDepth)
    {
        _rules = rules;
        _globalAllowlists = globals;
        MaxDecodeDepth = maxDecodeDepth;
        _keywords = [.. rules.SelectMany(r => r.Rule.Keywords).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _keywordPrefilter = KeywordPrefilter.Create(_keywords);
        _keywordSearch = _keywords.Length == 0 || _keywordPrefilter is not null ? null : SearchValues.Create(_keywords, StringComparison.OrdinalIgnoreCase);
        _rulesByKeyword = [.. _keywords.Select(k => Enumerable.Range(0, rules.Length).Where(i => rules[i].Rule.Keywords.Contains(k)).ToArray())];
        _keywordsByFirstChar = Enumerable.Range(0, _keywords.Length)
            .GroupBy(i => char.ToLowerInvariant(_keywords[i][0]))
            .ToDictionary(g => g.Key, g => g.ToArray());
        _keywordsByAsciiPair = new int[]?[128 * 128];
        for (var first = 0; first < 128; first++)
        {
            if (_keywordsByFirstChar.GetValueOrDefault((char)first) is not { } sameFirst)
            {
                continue;
            }

            for (var second = 0; second < 128; second++)
            {
                var pair = sameFirst.Where(k => _keywords[k].Length == 1 || char.ToLowerInvariant(_keywords[k][1]) == second).ToArray();
                _keywordsByAsciiPair[(first * 128) + second] = pair.Length == 0 ? null : pair;
            }
        }
        _ruleOrder = Enumerable.Range(0, rules.Length).GroupBy(i => rules[i].Rule.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _alwaysRun = [.. Enumerable.Range(0, rules.Length).Where(i => rules[i].Rule.Keywords.IsEmpty)];
        // The structural detectors come with the built-in rules (a configuration that extends them).
        _kubernetesSecrets = rules.Any(r => r.Rule.Id == "generic-password");
        _alwaysRunsPattern = _alwaysRun.Any(i => rules[i].Regex is not null);
    }

    /// <summary>
    /// Whether a rule could match in <paramref name="text"/>: one of the keywords occurs, a rule without keywords has a
    /// pattern, or an encoded segment long enough to hide one is there. A cheap test before <see cref="Scan"/>, for
    /// callers with many short texts.
    /// </summary>
    public bool MayMatch(ReadOnlySpan<char> text)
    {
        if (_alwaysRunsPattern)
        {
            return true;
        }

        for (var at = NextKeywordCandidate(text); at >= 0; at = NextKeywordCandidate(text, at + 1))
        {
            if (KeywordsAt(text, at) is { } candidates && StartsKeyword(text, at, candidates))
            {
                return true;
            }
        }

        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '%' ? run + 1 : 0;
            if (run >= MinEncodedRun)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The shortest run of base64, hex or percent-encoding characters that may hide a secret worth decoding.</summary>
    private const int MinEncodedRun = 20;

    /// <summary>
    /// Whether a rule reports files at <paramref name="path"/> by their name alone (PKCS#12 key stores): such files are
    /// kept for the scan even when their content is binary.
    /// </summary>
    public bool ReportsByPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _rules.Any(r => r.Regex is null && r.Path is { } p && SafeIsMatch(p, path));
    }

    private static bool SafeIsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
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

    /// <summary>A line longer than this is searched, and matched by line allowlists, only this far around each keyword and match: minified files would otherwise make every rule's work quadratic.</summary>
    public const int LongLineWindow = 4096;

    /// <summary>Hits kept per text: more say nothing new and a generated file with millions would exhaust memory.</summary>
    public const int MaxHitsPerText = 10_000;

    /// <summary>Consecutive lines are searched in one regex call up to this many characters.</summary>
    private const int MaxWindow = 64 * 1024;

    /// <summary>The secrets in <paramref name="text"/>, found at <paramref name="path"/> (with '/' separators), in order of position.</summary>
    /// <param name="incomplete">Receives a note for each part of the search that could not be done (a rule's regex that ran out of time).</param>
    /// <param name="cancellationToken">The file's deadline; checked between regex windows.</param>
    public ImmutableArray<SecretHit> Scan(string text, string path, string? commit = null, ICollection<string>? incomplete = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var scan = new FileScan(incomplete, cancellationToken);
        if (AllowedPathGlobally(path, scan))
        {
            return [];
        }

        var hits = ImmutableArray.CreateBuilder<SecretHit>();
        Scan(text, path, commit, 0, null, hits, scan);
        if (_kubernetesSecrets)
        {
            AddKubernetesSecrets(text, hits);
        }

        return OnePerLocation(hits);
    }

    /// <summary>
    /// Each secret once per location: a generic rule's hit on a line where a specific rule reported is the same secret,
    /// less precisely named; of hits whose spans overlap, the most specific stays (a provider's format over a generic
    /// assignment, the text as written over what was decoded from it, then the rule that comes first in the catalogue).
    /// </summary>
    private ImmutableArray<SecretHit> OnePerLocation(IEnumerable<SecretHit> hits)
    {
        var all = hits.ToList();
        var specificLines = all.Where(h => !h.Tags.Contains(GenericTag)).Select(h => h.Line).ToHashSet();
        var kept = new List<SecretHit>();
        foreach (var hit in all.Where(h => !h.Tags.Contains(GenericTag) || !specificLines.Contains(h.Line))
            .OrderBy(h => h.Tags.Contains(GenericTag) ? 1 : 0).ThenBy(h => h.DecodedFrom.Length).ThenBy(h => _ruleOrder.GetValueOrDefault(h.RuleId)))
        {
            if (!kept.Any(k => Overlaps(k, hit)))
            {
                kept.Add(hit);
            }
        }

        return [.. kept.OrderBy(h => h.Line).ThenBy(h => h.Column).ThenBy(h => h.RuleId, StringComparer.Ordinal)];
    }

    // A Secret manifest with credential values is one finding; the generic, URL and connection-string hits inside its
    // data say the same again. Provider formats found inside stay: they name what leaked.
    private static void AddKubernetesSecrets(string text, ImmutableArray<SecretHit>.Builder hits)
    {
        foreach (var secret in KubernetesSecrets.Find(text))
        {
            for (var i = hits.Count - 1; i >= 0; i--)
            {
                var h = hits[i];
                if (h.Line >= secret.FirstLine && h.Line <= secret.LastLine
                    && (h.Tags.Contains(GenericTag) || h.Tags.Contains("url-credentials") || h.Tags.Contains("connection-string")))
                {
                    hits.RemoveAt(i);
                }
            }

            var name = secret.Name.Length > 0 ? $" '{Redaction.Clean(secret.Name)}'" : string.Empty;
            hits.Add(new SecretHit
            {
                RuleId = KubernetesSecrets.RuleId,
                Description = $"Kubernetes Secret{name} with credential values ({string.Join(", ", secret.Keys.Take(5).Select(Redaction.Clean))})",
                Line = secret.Line,
                Column = secret.Column,
                EndLine = secret.Line,
                EndColumn = secret.EndColumn,
                Redacted = Redaction.Redact(secret.Value),
                SecretHash = Redaction.Hash(secret.Value),
                Tags = [GenericTag],
            });
        }
    }

    private static bool Overlaps(SecretHit a, SecretHit b) =>
        a.Line > 0 && b.Line > 0
        && (a.Line, a.Column).CompareTo((b.EndLine, b.EndColumn)) <= 0
        && (b.Line, b.Column).CompareTo((a.EndLine, a.EndColumn)) <= 0;

    /// <summary>Runs only the rule with this ID (the samples test uses it).</summary>
    public ImmutableArray<SecretHit> ScanWithRule(string ruleId, string text, string path)
    {
        var index = _rules.IndexOf(_rules.FirstOrDefault(r => r.Rule.Id == ruleId)!);
        if (index < 0)
        {
            throw new KeyNotFoundException($"no secret rule '{ruleId}'");
        }

        var hits = ImmutableArray.CreateBuilder<SecretHit>();
        RunRule(_rules[index], new TextScan(text), [Range.All], path, null, null, hits, new FileScan(null, default));
        return hits.ToImmutable();
    }

    private void Scan(string text, string path, string? commit, int depth, EncodedContext? encoded, ImmutableArray<SecretHit>.Builder hits, FileScan scan)
    {
        // Rented per call (the search recurses into decoded segments): two arrays of a few hundred entries per file
        // were most of the engine's allocations.
        var active = ArrayPool<List<Range>?>.Shared.Rent(_rules.Length);
        var textScan = new TextScan(text);
        try
        {
            ActiveRules(text, active);
            for (var index = 0; index < _rules.Length; index++)
            {
                if (active[index] is { } windows)
                {
                    scan.CancellationToken.ThrowIfCancellationRequested();
                    RunRule(_rules[index], textScan, windows, path, commit, encoded, hits, scan);
                }
            }
        }
        finally
        {
            ArrayPool<List<Range>?>.Shared.Return(active, clearArray: true);
        }

        if (depth >= MaxDecodeDepth)
        {
            return;
        }

        foreach (var segment in SegmentDecoder.Find(text))
        {
            var lines = textScan.Lines;
            var (line, column) = encoded is not null ? (encoded.Line, encoded.Column) : lines.Position(segment.Start);
            var (endLine, endColumn) = encoded is not null ? (encoded.EndLine, encoded.EndColumn) : lines.Position(segment.Start + segment.Length - 1);
            var context = new EncodedContext(line, column, endLine, endColumn, [.. encoded?.Encodings ?? [], segment.Encoding]);
            Scan(segment.Decoded, path, commit, depth + 1, context, hits, scan);
        }
    }

    // One pass over the text for every keyword of every rule. A rule runs only where its keywords occur: on
    // each line holding one (or, for rules whose matches span lines, from the first such line to the end).
    // The result, in active (cleared, at least as long as the rules), is indexed by rule: null for a rule that does
    // not run, else its windows in text order.
    private void ActiveRules(string text, List<Range>?[] active)
    {
        foreach (var rule in _alwaysRun)
        {
            active[rule] = [Range.All];
        }

        if (_keywords.Length == 0)
        {
            return;
        }

        var span = text.AsSpan();
        var at = 0;
        // The current line's bounds, found once per line (not once per keyword hit, which is quadratic on long lines).
        var lineStartKnown = 0;
        var lineEndKnown = -1;
        // The line each keyword was last seen on: the same keyword again on the same line activates nothing new.
        var keywordLine = ArrayPool<int>.Shared.Rent(_keywords.Length);
        keywordLine.AsSpan(0, _keywords.Length).Fill(-1);
        while (at < span.Length)
        {
            at = NextKeywordCandidate(span, at);
            if (at < 0)
            {
                break;
            }

            // Most candidates start no keyword: confirmed before the line's bounds are looked for.
            if (KeywordsAt(span, at) is { } candidates && StartsKeyword(span, at, candidates))
            {
                if (at > lineEndKnown)
                {
                    var from = Math.Max(lineEndKnown + 1, 0);
                    lineStartKnown = from + span[from..at].LastIndexOf('\n') + 1;
                    var end = span[at..].IndexOf('\n');
                    lineEndKnown = end < 0 ? span.Length : at + end;
                }

                var lineStart = lineStartKnown;
                var lineEnd = lineEndKnown;
                var longLine = lineEnd - lineStart > LongLineWindow * 2;
                if (longLine)
                {
                    // A very long line: search around this keyword only.
                    lineStart = Math.Max(lineStart, at - LongLineWindow);
                    lineEnd = Math.Min(lineEnd, at + LongLineWindow);
                }

                foreach (var k in candidates)
                {
                    if ((!longLine && keywordLine[k] == lineStartKnown) || !span[at..].StartsWith(_keywords[k], StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    keywordLine[k] = lineStartKnown;
                    foreach (var rule in _rulesByKeyword[k])
                    {
                        var windows = active[rule] ??= [];
                        if (_rules[rule].SpansLines)
                        {
                            if (windows.Count == 0)
                            {
                                windows.Add(lineStart..);
                            }
                        }
                        else if (windows.Count == 0 || windows[^1].End.Value + 1 < lineStart)
                        {
                            windows.Add(lineStart..lineEnd);
                        }
                        else if (windows[^1].End.Value < lineEnd)
                        {
                            // The next line: one window for consecutive lines saves a regex call per line, up to a
                            // size where one regex call could run into its timeout; then a new window starts.
                            var last = windows[^1];
                            if (lineEnd - last.Start.Value <= MaxWindow)
                            {
                                windows[^1] = last.Start..lineEnd;
                            }
                            else
                            {
                                windows.Add(Math.Max(last.End.Value, lineStart)..lineEnd);
                            }
                        }
                    }
                }
            }

            at++;
        }

        ArrayPool<int>.Shared.Return(keywordLine);
    }

    /// <summary>The first position from <paramref name="from"/> where a keyword may start, or -1.</summary>
    private int NextKeywordCandidate(ReadOnlySpan<char> text, int from = 0)
    {
        var i = _keywordPrefilter is not null ? _keywordPrefilter.IndexOfCandidate(text[from..])
            : _keywordSearch is not null ? text[from..].IndexOfAny(_keywordSearch)
            : -1;
        return i < 0 ? -1 : from + i;
    }

    /// <summary>The keywords that may start at <paramref name="at"/>, by its first two characters (null: none).</summary>
    private int[]? KeywordsAt(ReadOnlySpan<char> text, int at)
    {
        var first = char.ToLowerInvariant(text[at]);
        var second = at + 1 < text.Length ? char.ToLowerInvariant(text[at + 1]) : char.MaxValue;
        return first < 128 && second < 128 ? _keywordsByAsciiPair[(first * 128) + second] : _keywordsByFirstChar.GetValueOrDefault(first);
    }

    private bool StartsKeyword(ReadOnlySpan<char> text, int at, int[] candidates)
    {
        foreach (var k in candidates)
        {
            if (text[at..].StartsWith(_keywords[k], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void RunRule(CompiledRule rule, TextScan text, List<Range> windows, string path, string? commit, EncodedContext? encoded, ImmutableArray<SecretHit>.Builder hits, FileScan scan)
    {
        if (rule.Path is { } pathRegex && !scan.IsMatch(rule, pathRegex, path))
        {
            return;
        }

        if (rule.Regex is null)
        {
            // A path-only rule reports the file itself.
            if (encoded is null && !Allowed(rule, path, path, path, path, commit, scan))
            {
                hits.Add(Hit(rule, path, 0, 0, 0, 0, encoded));
            }

            return;
        }

        foreach (var window in windows)
        {
            if (scan.GaveUp(rule))
            {
                return;
            }

            scan.CancellationToken.ThrowIfCancellationRequested();
            var (start, length) = window.GetOffsetAndLength(text.Text.Length);
            RunWindow(rule, text, start, length, path, commit, encoded, hits, scan);
        }
    }

    private void RunWindow(CompiledRule rule, TextScan text, int start, int length, string path, string? commit, EncodedContext? encoded, ImmutableArray<SecretHit>.Builder hits, FileScan scan)
    {
        for (var match = scan.Match(rule, text.Text, start, length); match.Success; match = scan.Next(rule, match))
        {
            if (hits.Count >= MaxHitsPerText)
            {
                scan.Note($"more than {MaxHitsPerText} secrets: the rest of the file was not searched");
                return;
            }

            if (rule.SecretOf(match) is not { } group)
            {
                continue;
            }

            var secret = group.Value;
            if (secret.Length == 0 || (rule.Rule.Entropy > 0 && Entropy.Shannon(secret) < rule.Rule.Entropy)
                || (rule.FiltersValues && NonCredential.Matches(secret, KeyContext(text, match, group), byKey: rule.IsGeneric)))
            {
                continue;
            }

            var line = text.LinesAround(match.Index, match.Index + match.Length);
            if (Allowed(rule, path, secret, match.ValueSpan, line, commit, scan))
            {
                continue;
            }

            var allowedByComment = text.AllowCommentIn(match.Index, match.Index + match.Length);
            if (encoded is not null)
            {
                hits.Add(Hit(rule, secret, encoded.Line, encoded.Column, encoded.EndLine, encoded.EndColumn, encoded) with { AllowedByComment = allowedByComment });
                continue;
            }

            var (startLine, startColumn) = text.Lines.Position(group.Index);
            var (endLine, endColumn) = text.Lines.Position(group.Index + group.Length - 1);
            hits.Add(Hit(rule, secret, startLine, startColumn, endLine, endColumn, null) with { AllowedByComment = allowedByComment });
        }
    }

    // The text before the secret on its line (at most 256 characters): the key it is assigned to, even where the
    // rule's match starts inside the key name ("S3Key" matched from "Key").
    private static ReadOnlySpan<char> KeyContext(TextScan text, Match match, Group group)
    {
        var start = Math.Max(Math.Min(text.Lines.LineStartOf(group.Index), match.Index), group.Index - 256);
        return text.Text.AsSpan(start, group.Index - start + group.Length);
    }

    // An allowlist whose regex runs out of time does not allow: the finding stays, and the note says why it may be a false positive.
    /// <summary>
    /// Whether a global path allowlist skips the file. Regex timeouts are wall-clock, so on a starved machine even a
    /// short path can run out: that allowlist is then not applied (the file is searched) and the report says so.
    /// </summary>
    private bool AllowedPathGlobally(string path, FileScan scan)
    {
        foreach (var allowlist in _globalAllowlists.Where(a => a.TargetRules.IsEmpty))
        {
            try
            {
                if (allowlist.AllowsPath(path))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                scan.Note("a global allowlist's path regex ran out of time; it was not applied to this file");
            }
        }

        return false;
    }

    private bool Allowed(CompiledRule rule, string path, string secret, ReadOnlySpan<char> match, ReadOnlySpan<char> line, string? commit, FileScan scan)
    {
        foreach (var allowlist in rule.Allowlists)
        {
            if (Allows(allowlist, rule, path, secret, match, line, commit, scan))
            {
                return true;
            }
        }

        foreach (var allowlist in _globalAllowlists)
        {
            if ((allowlist.TargetRules.IsEmpty || allowlist.TargetRules.Contains(rule.Rule.Id)) && Allows(allowlist, rule, path, secret, match, line, commit, scan))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Allows(CompiledAllowlist allowlist, CompiledRule rule, string path, string secret, ReadOnlySpan<char> match, ReadOnlySpan<char> line, string? commit, FileScan scan)
    {
        if (scan.GaveUp(allowlist))
        {
            return false;
        }

        try
        {
            return allowlist.Allows(path, secret, match, line, commit);
        }
        catch (RegexMatchTimeoutException)
        {
            // Not tried again on this file: one timeout per file, not one per finding.
            scan.GiveUp(allowlist);
            scan.Note($"an allowlist regex of secret rule '{rule.Rule.Id}' ran out of time (it backtracks too much); that allowlist was not applied to the rest of the file, whose findings stay");
            return false;
        }
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

    /// <summary>
    /// One file's scan state: its deadline, the notes on what could not be searched, and the rules given up on. A
    /// rule whose regex runs out of time once is not run again on the same file: the timeout is per file, not per
    /// window, so a backtracking pattern from a configuration cannot multiply it by the number of lines.
    /// </summary>
    private sealed class FileScan(ICollection<string>? incomplete, CancellationToken cancellationToken)
    {
        private HashSet<string>? _gaveUp;
        private HashSet<CompiledAllowlist>? _allowlistsGivenUp;
        private HashSet<string>? _noted;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public bool GaveUp(CompiledRule rule) => _gaveUp?.Contains(rule.Rule.Id) == true;

        public bool GaveUp(CompiledAllowlist allowlist) => _allowlistsGivenUp?.Contains(allowlist) == true;

        public void GiveUp(CompiledAllowlist allowlist) => (_allowlistsGivenUp ??= []).Add(allowlist);

        // Most windows hold no match: the existence check on a span allocates no Match and tracks no captures, so
        // only windows that do match pay for the full match.
        public Match Match(CompiledRule rule, string text, int start, int length)
        {
            if (GaveUp(rule))
            {
                return System.Text.RegularExpressions.Match.Empty;
            }

            try
            {
                return rule.Regex!.IsMatch(text.AsSpan(start, length)) ? rule.Regex.Match(text, start, length) : System.Text.RegularExpressions.Match.Empty;
            }
            catch (RegexMatchTimeoutException)
            {
                GiveUp(rule);
                return System.Text.RegularExpressions.Match.Empty;
            }
        }

        public Match Next(CompiledRule rule, Match match)
        {
            CancellationToken.ThrowIfCancellationRequested();
            return Guard(rule, match.NextMatch);
        }

        public bool IsMatch(CompiledRule rule, Regex regex, string input)
        {
            try
            {
                return !GaveUp(rule) && regex.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                GiveUp(rule);
                return false;
            }
        }

        public void Note(string note)
        {
            if (incomplete is not null && (_noted ??= new(StringComparer.Ordinal)).Add(note))
            {
                incomplete.Add(note);
            }
        }

        private Match Guard(CompiledRule rule, Func<Match> run)
        {
            try
            {
                return run();
            }
            catch (RegexMatchTimeoutException)
            {
                GiveUp(rule);
                return System.Text.RegularExpressions.Match.Empty;
            }
        }

        private void GiveUp(CompiledRule rule)
        {
            (_gaveUp ??= new(StringComparer.Ordinal)).Add(rule.Rule.Id);
            Note($"secret rule '{rule.Rule.Id}': its regex ran out of time (it backtracks too much) and the rest of the file was not searched with it");
        }
    }

    /// <summary>A text being searched, with its line index and the lines holding gitleaks:allow, each computed once.</summary>
    private sealed class TextScan(string text)
    {
        private LineIndex? _lines;
        private HashSet<int>? _allowLines;

        public string Text { get; } = text;

        public LineIndex Lines => _lines ??= new LineIndex(Text);

        /// <summary>The lines a match stands on, cut to <see cref="LongLineWindow"/> around it when they are very long.</summary>
        public ReadOnlySpan<char> LinesAround(int start, int end)
        {
            var full = Lines.LinesAround(start, end);
            if (full.Length <= LongLineWindow * 2)
            {
                return full;
            }

            var offset = Lines.LineStartOf(start);
            var from = Math.Max(0, start - offset - LongLineWindow);
            var to = Math.Min(full.Length, end - offset + LongLineWindow);
            return full[from..to];
        }

        public bool AllowCommentIn(int start, int end)
        {
            if (_allowLines is null)
            {
                _allowLines = [];
                var at = 0;
                while (Text.IndexOf(AllowComment, at, StringComparison.Ordinal) is var i and >= 0)
                {
                    _allowLines.Add(Lines.Position(i).Line);
                    at = i + AllowComment.Length;
                }
            }

            if (_allowLines.Count == 0)
            {
                return false;
            }

            var (first, _) = Lines.Position(start);
            var (last, _) = Lines.Position(Math.Max(start, end - 1));
            for (var line = first; line <= last; line++)
            {
                if (_allowLines.Contains(line))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Where decoded text came from: the outermost segment's position, and the encodings peeled so far.</summary>
    private sealed record EncodedContext(int Line, int Column, int EndLine, int EndColumn, ImmutableArray<string> Encodings);
}
