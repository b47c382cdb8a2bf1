using System.Collections.Frozen;
using Shipshape.Secrets.Detection;

namespace Shipshape.Secrets.Config;

/// <summary>
/// gitleaks' <c>.gitleaksignore</c>: one finding fingerprint per line, <c>path:rule-id:line</c> for files or
/// <c>commit:path:rule-id:line</c> for history; '#' starts a comment.
/// </summary>
public sealed class GitleaksIgnore
{
    public const string FileName = ".gitleaksignore";

    private readonly FrozenSet<string> _fingerprints;

    public GitleaksIgnore(IEnumerable<string> fingerprints)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        _fingerprints = fingerprints.ToFrozenSet(StringComparer.Ordinal);
    }

    public static GitleaksIgnore Empty { get; } = new([]);

    public int Count => _fingerprints.Count;

    public static GitleaksIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new GitleaksIgnore(text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#')));
    }

    /// <summary>Whether the hit is listed, by its file fingerprint or, in history, its commit fingerprint.</summary>
    public bool Ignores(string path, SecretHit hit, string? commit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (_fingerprints.Count == 0)
        {
            return false;
        }

        var fingerprint = $"{path}:{hit.RuleId}:{hit.Line}";
        return _fingerprints.Contains(fingerprint) || (commit is not null && _fingerprints.Contains($"{commit}:{fingerprint}"));
    }

    public ContentScanResult Filter(string path, ContentScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_fingerprints.Count == 0 || result.Secrets.IsEmpty)
        {
            return result;
        }

        return result with { Secrets = [.. result.Secrets.Where(h => !Ignores(path, h, result.Commit?.Id))] };
    }
}
