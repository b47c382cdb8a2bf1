using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Shipshape.Secrets.Git;

/// <summary>A parsed commit: its tree, parents and author.</summary>
public sealed record GitCommit(string Id, string Tree, ImmutableArray<string> Parents, GitCommitInfo Info)
{
    public static GitCommit Parse(string id, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = Encoding.UTF8.GetString(data);
        var tree = string.Empty;
        var parents = ImmutableArray.CreateBuilder<string>();
        GitCommitInfo info = new(id, string.Empty, string.Empty, DateTimeOffset.UnixEpoch);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("tree ", StringComparison.Ordinal))
            {
                tree = line[5..].Trim();
            }
            else if (line.StartsWith("parent ", StringComparison.Ordinal))
            {
                parents.Add(line[7..].Trim());
            }
            else if (line.StartsWith("author ", StringComparison.Ordinal))
            {
                info = ParseAuthor(id, line[7..]);
            }
        }

        return new GitCommit(id, tree, parents.ToImmutable(), info);
    }

    // "Name <email> 1700000000 +0100"
    private static GitCommitInfo ParseAuthor(string id, string value)
    {
        var lt = value.IndexOf('<', StringComparison.Ordinal);
        var gt = value.IndexOf('>', StringComparison.Ordinal);
        if (lt < 0 || gt < lt)
        {
            return new GitCommitInfo(id, value.Trim(), string.Empty, DateTimeOffset.UnixEpoch);
        }

        var parts = value[(gt + 1)..].Trim().Split(' ');
        var date = DateTimeOffset.UnixEpoch;
        if (parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            date = DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (parts.Length >= 2 && parts[1].Length == 5 && int.TryParse(parts[1].AsSpan(1, 2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var h)
                && int.TryParse(parts[1].AsSpan(3, 2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m))
            {
                var offset = new TimeSpan(h, m, 0);
                date = date.ToOffset(parts[1][0] == '-' ? -offset : offset);
            }
        }

        return new GitCommitInfo(id, value[..lt].Trim(), value[(lt + 1)..gt], date);
    }
}
