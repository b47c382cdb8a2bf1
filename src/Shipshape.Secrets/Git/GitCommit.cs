using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Shipshape.Secrets.Git;

/// <summary>A parsed commit: its tree, parents and author.</summary>
public sealed record GitCommit(string Id, string Tree, ImmutableArray<string> Parents, GitCommitInfo Info)
{
    // 0001-01-01 and 9999-12-31, DateTimeOffset's range, kept away from its edges so that any zone offset fits.
    private const long MinUnixSeconds = -62135596800 + 86400;
    private const long MaxUnixSeconds = 253402300799 - 86400;

    /// <exception cref="GitFormatException">The commit has no valid tree, or a parent that is not an object ID.</exception>
    public static GitCommit Parse(string id, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = Encoding.UTF8.GetString(data);
        string? tree = null;
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
                tree = ObjectId.Parse(line.AsSpan(5)) ?? throw new GitFormatException($"commit {id}: the tree is not an object ID");
            }
            else if (line.StartsWith("parent ", StringComparison.Ordinal))
            {
                parents.Add(ObjectId.Parse(line.AsSpan(7)) ?? throw new GitFormatException($"commit {id}: a parent is not an object ID"));
            }
            else if (line.StartsWith("author ", StringComparison.Ordinal))
            {
                info = ParseAuthor(id, line[7..]);
            }
        }

        return new GitCommit(id, tree ?? throw new GitFormatException($"commit {id} has no tree"), parents.ToImmutable(), info);
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
        // Dates and zones out of DateTimeOffset's range are left at the epoch and UTC rather than thrown on.
        if (parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds)
        {
            date = DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (parts.Length >= 2 && parts[1].Length == 5 && int.TryParse(parts[1].AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                && int.TryParse(parts[1].AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && (h * 60) + m <= 14 * 60 && m < 60)
            {
                var offset = new TimeSpan(h, m, 0);
                date = date.ToOffset(parts[1][0] == '-' ? -offset : offset);
            }
        }

        return new GitCommitInfo(id, value[..lt].Trim(), value[(lt + 1)..gt], date);
    }
}
