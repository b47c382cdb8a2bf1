using System.Collections.Immutable;
using System.Collections.Concurrent;
using System.Text;
using Shipshape.Core;
using Shipshape.Secrets.Cards;
using Shipshape.Secrets.Detection;

namespace Shipshape.Engine;

/// <summary>
/// The last line of defence for "never print a secret": every text the report carries (messages, resource
/// addresses and names, property paths, file paths, diagnostics) is searched with the secret engines and the
/// card-number detector, and whatever they recognise is replaced by its redacted form, whatever rule, reader or
/// diagnostic put it there: an image tag made from a token, a Terraform name, an archive member's name, a parse
/// error quoting the line. Thread-safe; each distinct text is searched once.
/// </summary>
public sealed class ReportRedactor
{
    /// <summary>With the built-in detectors: for texts outside a report, such as configuration errors quoting a scanned file.</summary>
    public static ReportRedactor Default { get; } = new([SecretEngine.Default]);

    private readonly IReadOnlyList<SecretEngine> _engines;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public ReportRedactor(IReadOnlyList<SecretEngine> engines) => _engines = engines;

    public Finding Redact(Finding finding) => finding with
    {
        Message = Redact(finding.Message),
        Location = Redact(finding.Location),
        Resource = finding.Resource with
        {
            Address = RedactPath(Redact(finding.Resource.Address)),
            Path = finding.Resource.Path is null ? null : Redact(finding.Resource.Path),
            DisplayName = finding.Resource.DisplayName is null ? null : Redact(finding.Resource.DisplayName),
            Module = finding.Resource.Module is { } module ? Redact(module) : null,
        },
        Suppression = finding.Suppression is { Reason: { } reason } suppression ? suppression with { Reason = Redact(reason) } : finding.Suppression,
    };

    /// <summary>An evaluation record: the failing resources' paths and addresses, and the kinds, like a finding's.</summary>
    public RuleCheck Redact(RuleCheck check) => check with
    {
        ByKind = check.ByKind.ToImmutableSortedDictionary(k => Redact(k.Key), k => k.Value, StringComparer.Ordinal),
        Failing = [.. check.Failing.Select(f => new CheckedResource(RedactPath(Redact(f.Path)), RedactPath(Redact(f.Address)), Redact(f.Kind), f.CoveredBy))],
    };

    public Diagnostic Redact(Diagnostic diagnostic) => diagnostic with { Message = Redact(diagnostic.Message), Location = Redact(diagnostic.Location) };

    // A module instance's address is a prefix of the resource's, and a for_each key can be anything.
    private ModuleChain Redact(ModuleChain module) => new(
        RedactPath(Redact(module.RootDirectory)),
        [.. module.Calls.Select(c => new ModuleCall(RedactPath(Redact(c.Address)), c.Call is { } call ? Redact(call) : null))]);

    private SourceSpan Redact(SourceSpan span) => span with { Path = RedactPath(Redact(span.Path)) };

    /// <summary>Delimiters inside a file name around which a secret may stand ("dir_ghp_…", "ghp_….txt").</summary>
    private static readonly char[] NameDelimiters = ['_', '-', '.', ':', '@', ' ', '+', '=', ','];

    /// <summary>
    /// A file path (or an archive member's) with secrets in its names redacted. Detectors expect a secret to stand
    /// apart from what surrounds it, and in a name it is glued to "_" or ".txt"; so every piece of each name between
    /// two delimiters is searched on its own.
    /// </summary>
    public string RedactPath(string path) => path.Length < 8 ? path : _paths.GetOrAdd(path, RedactPathUncached);

    private readonly ConcurrentDictionary<string, string> _paths = new(StringComparer.Ordinal);

    private string RedactPathUncached(string path)
    {
        var result = new StringBuilder(path.Length);
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] is not ('/' or '!' or '\\'))
            {
                continue;
            }

            result.Append(RedactName(path[start..i]));
            if (i < path.Length)
            {
                result.Append(path[i]);
            }

            start = i + 1;
        }

        return result.ToString();
    }

    private string RedactName(string name)
    {
        if (name.Length < 8 || !MayHoldSecret(name))
        {
            return name;
        }

        var cuts = new List<int> { 0 };
        for (var i = 0; i < name.Length && cuts.Count < 16; i++)
        {
            if (Array.IndexOf(NameDelimiters, name[i]) >= 0)
            {
                cuts.Add(i);
                cuts.Add(i + 1);
            }
        }

        cuts.Add(name.Length);
        foreach (var from in cuts.Distinct().Order())
        {
            foreach (var to in cuts.Distinct().Where(t => t - from >= 8).OrderDescending())
            {
                var piece = name[from..to];
                if (Redact(piece + "\n") is var redacted && !string.Equals(redacted, piece + "\n", StringComparison.Ordinal))
                {
                    return name[..from] + redacted.TrimEnd('\n') + RedactName(name[to..]);
                }
            }
        }

        return name;
    }

    public string Redact(string text)
    {
        if (text.Length < 8)
        {
            return text;
        }

        return _cache.GetOrAdd(text, RedactUncached);
    }

    private string RedactUncached(string text)
    {
        if (!MayHoldSecret(text))
        {
            return text;
        }

        // (start, end exclusive, replacement), from every engine and the card detector.
        var spans = new List<(int Start, int End, string Replacement)>();
        var lineStarts = LineStarts(text);
        int Offset(int line, int column) => line >= 1 && line <= lineStarts.Count ? Math.Min(text.Length, lineStarts[line - 1] + Math.Max(0, column - 1)) : -1;

        foreach (var engine in _engines)
        {
            foreach (var hit in engine.Scan(text, "<report>"))
            {
                var start = Offset(hit.Line, hit.Column);
                var end = Offset(hit.EndLine, hit.EndColumn) + 1;
                if (start >= 0 && end > start)
                {
                    spans.Add((start, Math.Min(end, text.Length), hit.Redacted));
                }
            }
        }

        foreach (var card in CardNumberDetector.Scan(text))
        {
            var start = Offset(card.Line, card.Column);
            var end = Offset(card.Line, card.EndColumn) + 1;
            if (start >= 0 && end > start)
            {
                spans.Add((start, Math.Min(end, text.Length), card.Masked));
            }
        }

        // Stricter than the content scan, which needs a clear boundary and no contrary words around a number: in
        // a report any Luhn-valid number of a card issuer is masked, also glued to an image tag ("nginx:4532…").
        spans.AddRange(CardLikeNumbers(text));
        if (spans.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, replacement) in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (end <= at)
            {
                continue;
            }

            if (start >= at)
            {
                result.Append(text, at, start - at).Append('[').Append(replacement).Append(']');
            }

            at = end;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private static IEnumerable<(int Start, int End, string Replacement)> CardLikeNumbers(string text)
    {
        var digits = new StringBuilder(19);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiDigit(text[i - 1])))
            {
                continue;
            }

            // A run of digits with single spaces or dashes between groups, as cards are written.
            digits.Clear();
            var end = i;
            var j = i;
            while (j < text.Length && digits.Length <= 19)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    digits.Append(text[j]);
                    end = ++j;
                }
                else if (text[j] is ' ' or '-' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]) && digits.Length > 0)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            // Every length a card may have, from the start of the run: the longest valid one is masked.
            for (var length = Math.Min(19, digits.Length); length >= 13; length--)
            {
                var number = digits.ToString(0, length);
                if (CardNumberDetector.Issuer(number) is not null && CardNumberDetector.Luhn(number))
                {
                    yield return (i, EndOf(text, i, length), CardNumberDetector.Mask(number));
                    break;
                }
            }

            i = Math.Max(i, end - 1);
        }
    }

    // Where the length-th digit from start ends, separators included.
    private static int EndOf(string text, int start, int length)
    {
        var seen = 0;
        for (var k = start; k < text.Length; k++)
        {
            if (char.IsAsciiDigit(text[k]) && ++seen == length)
            {
                return k + 1;
            }
        }

        return text.Length;
    }

    // The detectors' own prefilters: a keyword, an encoded run, or enough digits for a card number.
    private bool MayHoldSecret(string text) => _engines.Any(e => e.MayMatch(text)) || text.Count(char.IsAsciiDigit) >= 12;

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
