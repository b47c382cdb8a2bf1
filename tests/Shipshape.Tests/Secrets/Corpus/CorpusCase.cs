using System.Collections.Immutable;
using System.Text;

namespace Shipshape.Tests.Secrets.Corpus;

/// <summary>
/// One labelled file of the secrets corpus: its class, where it lives, its bytes, and the lines that must be reported
/// (empty for a file that must produce no finding; line 0 for a finding on the file as a whole).
/// </summary>
internal sealed record CorpusCase(string Class, string Path, byte[] Content, ImmutableArray<int> ExpectedLines)
{
    public bool IsPositive => !ExpectedLines.IsEmpty;

    /// <summary>A file that holds secrets: each needle's line (the first line containing it) must be reported, and nothing else.</summary>
    public static CorpusCase Positive(string @class, string path, string content, params string[] needles)
    {
        var lines = content.Split('\n');
        var expected = needles.Select(n =>
        {
            var index = Array.FindIndex(lines, l => l.Contains(n, StringComparison.Ordinal));
            return index >= 0 ? index + 1 : throw new ArgumentException($"needle not in {path}: {n[..Math.Min(6, n.Length)]}…");
        });
        return new(@class, path, Encoding.UTF8.GetBytes(content), [.. expected.Distinct().Order()]);
    }

    /// <summary>A binary file reported as a whole (a key store).</summary>
    public static CorpusCase PositiveFile(string @class, string path, byte[] content) => new(@class, path, content, [0]);

    /// <summary>A file that must produce no secrets finding.</summary>
    public static CorpusCase Negative(string @class, string path, string content) => new(@class, path, Encoding.UTF8.GetBytes(content), []);

    public static CorpusCase Negative(string @class, string path, byte[] content) => new(@class, path, content, []);

    public override string ToString() => $"{Class}: {Path}";
}
