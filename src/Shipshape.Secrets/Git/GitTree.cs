using System.Text;

namespace Shipshape.Secrets.Git;

/// <summary>Tree entries: name, object ID and whether it is a subtree; gitlinks and symlinks are left out.</summary>
internal static class GitTree
{
    /// <summary>The entries up to the first malformed one; <paramref name="problem"/> says what was malformed, if anything.</summary>
    public static Dictionary<string, (string Id, bool IsTree)> Parse(byte[] data, out string? problem)
    {
        problem = null;
        var entries = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        var at = 0;
        while (at < data.Length)
        {
            var space = Array.IndexOf(data, (byte)' ', at);
            var nul = space < 0 ? -1 : Array.IndexOf(data, (byte)0, space);
            if (space <= at || nul < 0 || nul + 21 > data.Length)
            {
                problem = $"entry at byte {at} is truncated or malformed";
                break;
            }

            var mode = Encoding.ASCII.GetString(data, at, space - at);
            var name = Encoding.UTF8.GetString(data, space + 1, nul - space - 1);
            var id = Convert.ToHexStringLower(data, nul + 1, 20);
            at = nul + 21;
            // git fsck rejects these names; here they would make one path look like another (or like one outside the tree).
            if (name.Length == 0 || name is "." or ".." || name.Contains('/'))
            {
                problem = $"entry name '{name}' is not a file name";
                continue;
            }

            if (mode is "40000" or "040000")
            {
                entries[name] = (id, true);
            }
            else if (mode.StartsWith("100", StringComparison.Ordinal))
            {
                entries[name] = (id, false);
            }
        }

        return entries;
    }
}
