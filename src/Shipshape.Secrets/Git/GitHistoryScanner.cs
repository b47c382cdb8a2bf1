using System.Collections.Immutable;
using System.Text;

namespace Shipshape.Secrets.Git;

/// <summary>
/// Scans every commit reachable from the refs: each commit's changes against its first parent, parents before
/// children, only the lines a change added (other lines blanked, so line numbers stay true). Each secret is
/// reported once per file, at the commit that first added it, also when a later commit deleted it.
/// </summary>
public sealed class GitHistoryScanner
{
    private readonly ContentScanner _scanner;
    private readonly long _maxBlobBytes;

    public GitHistoryScanner(ContentScanner scanner, long maxBlobBytes)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        _scanner = scanner;
        _maxBlobBytes = maxBlobBytes;
    }

    /// <exception cref="GitFormatException">The path is not in a readable repository.</exception>
    public GitHistoryResult Scan(string path, CancellationToken cancellationToken = default)
    {
        var repo = GitRepository.Open(path);
        var commits = Walk(repo, repo.RefTips());
        var changes = new List<(GitCommit Commit, string Path, string? Old, string New)>();
        var seenBlobs = new HashSet<(string, string)>();
        foreach (var commit in commits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parentTree = commit.Parents.Length > 0 && repo.TryRead(commit.Parents[0]) is { } parent
                ? GitCommit.Parse(commit.Parents[0], parent.Data).Tree
                : null;
            Diff(repo, parentTree, commit.Tree, string.Empty, (file, oldId, newId) =>
            {
                if (seenBlobs.Add((file, newId)))
                {
                    changes.Add((commit, file, oldId, newId));
                }
            });
        }

        var results = new ContentScanResult?[changes.Count];
        long bytes = 0;
        var scanned = 0;
        Parallel.For(0, changes.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (commit, file, oldId, newId) = changes[i];
            var blob = repo.Read(newId).Data;
            if (blob.Length > _maxBlobBytes || blob.AsSpan(0, Math.Min(blob.Length, 8000)).IndexOf((byte)0) >= 0)
            {
                return;
            }

            Interlocked.Add(ref bytes, blob.Length);
            Interlocked.Increment(ref scanned);
            var text = Encoding.UTF8.GetString(blob);
            if (oldId is not null && repo.TryRead(oldId) is { Type: GitObjectType.Blob } old)
            {
                text = AddedLines(Encoding.UTF8.GetString(old.Data), text);
            }

            var found = _scanner.Scan(file, text, commit.Id);
            results[i] = found.IsEmpty ? null : found with { Commit = commit.Info };
        });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = ImmutableArray.CreateBuilder<HistoryFile>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (results[i] is not { } found)
            {
                continue;
            }

            var file = changes[i].Path;
            var secrets = found.Secrets.Where(h => seen.Add($"{h.RuleId}\0{file}\0{h.SecretHash}")).ToImmutableArray();
            var cards = found.Cards.Where(h => seen.Add($"pan\0{file}\0{h.NumberHash}")).ToImmutableArray();
            if (!secrets.IsEmpty || !cards.IsEmpty)
            {
                files.Add(new HistoryFile(file, found with { Secrets = secrets, Cards = cards }));
            }
        }

        return new GitHistoryResult(files.ToImmutable(), commits.Count, scanned, bytes);
    }

    // Every reachable commit, parents before children; among commits ready at once, the older author date first.
    private static List<GitCommit> Walk(GitRepository repo, ImmutableArray<string> tips)
    {
        var all = new Dictionary<string, GitCommit>(StringComparer.Ordinal);
        var stack = new Stack<string>(tips);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (all.ContainsKey(id) || repo.TryRead(id) is not { Type: GitObjectType.Commit } obj)
            {
                continue;
            }

            var commit = GitCommit.Parse(id, obj.Data);
            all[id] = commit;
            foreach (var parent in commit.Parents)
            {
                stack.Push(parent);
            }
        }

        var pending = all.Values.ToDictionary(c => c.Id, c => c.Parents.Count(all.ContainsKey), StringComparer.Ordinal);
        var children = all.Values.SelectMany(c => c.Parents.Where(all.ContainsKey).Select(p => (p, c.Id)))
            .ToLookup(x => x.p, x => x.Id, StringComparer.Ordinal);
        var ready = new PriorityQueue<string, (DateTimeOffset, string)>();
        foreach (var (id, count) in pending.Where(p => p.Value == 0))
        {
            ready.Enqueue(id, (all[id].Info.Date, id));
        }

        var order = new List<GitCommit>(all.Count);
        while (ready.TryDequeue(out var id, out _))
        {
            order.Add(all[id]);
            foreach (var child in children[id])
            {
                if (--pending[child] == 0)
                {
                    ready.Enqueue(child, (all[child].Info.Date, child));
                }
            }
        }

        return order;
    }

    private static void Diff(GitRepository repo, string? oldTree, string newTree, string prefix, Action<string, string?, string> changed)
    {
        if (oldTree == newTree)
        {
            return;
        }

        var old = oldTree is null ? [] : GitTree.Parse(repo.Read(oldTree).Data);
        var current = GitTree.Parse(repo.Read(newTree).Data);
        foreach (var (name, (id, isTree)) in current)
        {
            old.TryGetValue(name, out var before);
            if (before.Id == id)
            {
                continue;
            }

            var path = prefix + name;
            if (isTree)
            {
                Diff(repo, before.IsTree ? before.Id : null, id, path + "/", changed);
            }
            else
            {
                changed(path, before.Id is not null && !before.IsTree ? before.Id : null, id);
            }
        }
    }

    // The new text with every line that the old text already had blanked out: line numbers stay those of the new file.
    private static string AddedLines(string oldText, string newText)
    {
        var oldLines = new HashSet<string>(oldText.Split('\n'), StringComparer.Ordinal);
        var lines = newText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (oldLines.Contains(lines[i]))
            {
                lines[i] = string.Empty;
            }
        }

        return string.Join('\n', lines);
    }
}
