using System.Text;

namespace Shipshape.Secrets.Git;

/// <summary>Tree entries: name, object ID and whether it is a subtree; gitlinks and symlinks are left out.</summary>
internal static class GitTree
{
    public static Dictionary<string, (string Id, bool IsTree)> Parse(byte[] data)
    {
        var entries = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        var at = 0;
        while (at < data.Length)
        {
            var space = Array.IndexOf(data, (byte)' ', at);
            var nul = Array.IndexOf(data, (byte)0, space);
            var mode = Encoding.ASCII.GetString(data, at, space - at);
            var name = Encoding.UTF8.GetString(data, space + 1, nul - space - 1);
            var id = Convert.ToHexStringLower(data, nul + 1, 20);
            at = nul + 21;
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
