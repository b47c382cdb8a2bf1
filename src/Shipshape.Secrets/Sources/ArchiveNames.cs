using System.Text;

namespace Shipshape.Secrets.Sources;

/// <summary>
/// Member names of archives and image layers are labels in reports, never paths to write to: still, '..', '.', empty
/// segments, a leading '/' and control characters would make one look like another file, so they are normalised
/// ("../../etc/passwd" is "etc/passwd") and the caller says so.
/// </summary>
public static class ArchiveNames
{
    /// <summary>The name normalised; <paramref name="changed"/> when it had '..', an absolute path or control characters (a leading "./" or a trailing '/' does not count).</summary>
    public static string Normalize(string raw, out bool changed)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var parts = raw.Replace('\\', '/').Split('/').Where(p => p.Length > 0 && p != "." && p != "..");
        var clean = new StringBuilder(string.Join('/', parts));
        for (var i = 0; i < clean.Length; i++)
        {
            if (char.IsControl(clean[i]))
            {
                clean[i] = '?';
            }
        }

        var name = clean.ToString();
        var plain = raw.StartsWith("./", StringComparison.Ordinal) ? raw[2..] : raw;
        changed = name != plain && name != plain.TrimEnd('/');
        return name;
    }
}
