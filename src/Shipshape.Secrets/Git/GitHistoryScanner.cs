using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Shipshape.Core;

namespace Shipshape.Secrets.Git;

/// <summary>
/// Scans every commit reachable from the refs: each commit's changes against its first parent, parents before
/// children, only the lines a change added (other lines blanked, so line numbers stay true). Each secret is
/// reported once per file, at the commit that first added it, also when a later commit deleted it. What cannot be
/// read (a missing or corrupt object, a blob over the size limit, a tree that contains itself, a limit of
/// <see cref="GitLimits"/> reached) is a diagnostic, and the rest of the history is still scanned.
/// </summary>
public sealed class GitHistoryScanner
{
    /// <summary>The path that history diagnostics are reported at.</summary>
    public const string Location = "<git-history>";

    private readonly ContentScanner _scanner;
    private readonly GitReadOptions _options;

    public GitHistoryScanner(ContentScanner scanner, long maxBlobBytes, bool followExternal = false)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        _scanner = scanner;
        _options = new GitReadOptions(maxBlobBytes, followExternal);
    }

    /// <exception cref="GitFormatException">The path is not in a git repository at all.</exception>
    public GitHistoryResult Scan(string path, CancellationToken cancellationToken = default)
    {
        var problems = new CappedDiagnostics();
        using var repo = GitRepository.Open(path, _options, problems);
        if (repo is null)
        {
            return new GitHistoryResult([], 0, 0, 0, problems.ToImmutable());
        }

        var shallow = repo.ShallowCommits(problems);
        var commits = Walk(repo, repo.RefTips(problems, cancellationToken), shallow, problems, cancellationToken);
        var byId = commits.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var pending = new List<Change>();
        var seenBlobs = new HashSet<UInt128>();
        var found = new List<(string Path, ContentScanResult Content)>();
        var totals = new Totals();
        // Commits are compared with their first parent a few at a time in parallel (reading and inflating trees is
        // most of the walk's cost); what they changed is then taken in commit order, so the result does not depend on
        // scheduling, and a few commits at a time keep memory bounded.
        var chunk = Math.Max(2, Environment.ProcessorCount * 2);
        var stopped = false;
        for (var first = 0; first < commits.Count && !stopped; first += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diffs = new CommitDiff[Math.Min(chunk, commits.Count - first)];
            Parallel.For(0, diffs.Length, new ParallelOptions { CancellationToken = cancellationToken }, j =>
            {
                var commit = commits[first + j];
                var parentTree = commit.Parents.Length > 0 && !shallow.Contains(commit.Id) && byId.TryGetValue(commit.Parents[0], out var parent) ? parent.Tree : null;
                diffs[j] = Diff(repo, commit, parentTree, cancellationToken);
            });

            for (var j = 0; j < diffs.Length; j++)
            {
                var (changes, diffProblems, entries) = diffs[j];
                foreach (var problem in diffProblems)
                {
                    problems.Add(problem);
                }

                foreach (var change in changes)
                {
                    if (seenBlobs.Add(change.Key))
                    {
                        pending.Add(change);
                    }
                }

                if (pending.Count >= GitLimits.ScanBatch)
                {
                    ScanBatch(repo, pending, found, problems, totals, cancellationToken);
                }

                totals.TreeEntries += entries;
                if (totals.TreeEntries > GitLimits.MaxTreeEntriesTotal)
                {
                    problems.Add(Partial($"the budget of {GitLimits.MaxTreeEntriesTotal} tree entries is used up: commits after {commits[first + j].Id} are not scanned"));
                    stopped = true;
                    break;
                }
            }
        }

        ScanBatch(repo, pending, found, problems, totals, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = ImmutableArray.CreateBuilder<HistoryFile>();
        foreach (var (file, content) in found)
        {
            var secrets = content.Secrets.Where(h => seen.Add($"{h.RuleId}\0{file}\0{h.SecretHash}")).ToImmutableArray();
            var cards = content.Cards.Where(h => seen.Add($"pan\0{file}\0{h.NumberHash}")).ToImmutableArray();
            if (!secrets.IsEmpty || !cards.IsEmpty)
            {
                files.Add(new HistoryFile(file, content with { Secrets = secrets, Cards = cards }));
            }
        }

        return new GitHistoryResult(files.ToImmutable(), commits.Count, totals.Scanned, totals.Bytes, problems.ToImmutable());
    }

    // The pending file versions, scanned in parallel; results and problems kept in order, so the report is deterministic.
    private void ScanBatch(GitRepository repo, List<Change> pending, List<(string, ContentScanResult)> found, CappedDiagnostics problems, Totals totals, CancellationToken cancellationToken)
    {
        var results = new ContentScanResult?[pending.Count];
        var failures = new string?[pending.Count];
        Parallel.For(0, pending.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (commit, file, oldId, newId, _) = pending[i];
            GitObject blob;
            try
            {
                blob = repo.Read(newId);
            }
            catch (GitFormatException ex)
            {
                failures[i] = $"{file} at commit {commit.Id}: {ex.Message}: not scanned";
                return;
            }

            if (blob.Type != GitObjectType.Blob)
            {
                failures[i] = $"{file} at commit {commit.Id}: object {newId} is not a blob: not scanned";
                return;
            }

            if (blob.Data.AsSpan(0, Math.Min(blob.Data.Length, 8000)).IndexOf((byte)0) >= 0)
            {
                return;
            }

            Interlocked.Add(ref totals.Bytes, blob.Data.Length);
            Interlocked.Increment(ref totals.Scanned);
            var text = Encoding.UTF8.GetString(blob.Data);
            if (oldId is not null && TryReadQuietly(repo, oldId) is { Type: GitObjectType.Blob } old)
            {
                text = AddedLines(Encoding.UTF8.GetString(old.Data), text);
            }

            var hits = _scanner.Scan(file, text, commit.Id);
            results[i] = hits.IsEmpty ? null : hits with { Commit = commit.Info };
        });

        for (var i = 0; i < pending.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                problems.Add(Partial(failure));
            }

            if (results[i] is { } result)
            {
                found.Add((pending[i].Path, result));
            }
        }

        pending.Clear();
    }

    // An unreadable old version only means the whole new version is scanned: more is reported, nothing is missed.
    private static GitObject? TryReadQuietly(GitRepository repo, string id)
    {
        try
        {
            return repo.TryRead(id);
        }
        catch (GitFormatException)
        {
            return null;
        }
    }

    // Every reachable commit, parents before children; among commits ready at once, the older author date first.
    private static List<GitCommit> Walk(GitRepository repo, ImmutableArray<string> tips, IReadOnlySet<string> shallow, CappedDiagnostics problems, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, GitCommit>(StringComparer.Ordinal);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Id, string? Child)>(tips.Select(t => (t, (string?)null)));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (id, child) = stack.Pop();
            if (!tried.Add(id))
            {
                continue;
            }

            if (all.Count >= GitLimits.MaxCommits)
            {
                problems.Add(Partial($"more than {GitLimits.MaxCommits} commits: the rest of the history is not scanned"));
                break;
            }

            var of = child is null ? string.Empty : $" (parent of {child})";
            GitCommit commit;
            try
            {
                var obj = repo.TryRead(id);
                if (obj is not { Type: GitObjectType.Commit })
                {
                    problems.Add(Partial(obj is null
                        ? $"commit {id}{of} is missing: it and its ancestors are not scanned"
                        : $"object {id}{of} is a {obj.Type.ToString().ToLowerInvariant()}, not a commit: not scanned"));
                    continue;
                }

                commit = GitCommit.Parse(id, obj.Data);
            }
            catch (GitFormatException ex)
            {
                problems.Add(Partial($"commit {id}{of}: {ex.Message}: it and its ancestors are not scanned"));
                continue;
            }

            all[id] = commit;
            if (!shallow.Contains(id))
            {
                foreach (var parent in commit.Parents)
                {
                    stack.Push((parent, id));
                }
            }
        }

        var pending = all.Values.ToDictionary(c => c.Id, c => c.Parents.Distinct(StringComparer.Ordinal).Count(all.ContainsKey), StringComparer.Ordinal);
        var children = all.Values.SelectMany(c => c.Parents.Distinct(StringComparer.Ordinal).Where(all.ContainsKey).Select(p => (p, c.Id)))
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

        if (order.Count < all.Count)
        {
            // Only forged objects make a commit its own ancestor; those in the cycle have no place in the order.
            problems.Add(Partial($"{all.Count - order.Count} commits are their own ancestors (a parent cycle): not scanned"));
        }

        return order;
    }

    // The files a commit changed against its parent's tree, walked with an explicit stack (no recursion on the
    // tree's depth), refusing trees that contain themselves and stopping at the depth and entry limits. False when
    // the whole scan's entry budget is used up.
    private static CommitDiff Diff(GitRepository repo, GitCommit commit, string? oldTree, CancellationToken cancellationToken)
    {
        var changes = new List<Change>();
        var problems = new List<Diagnostic>();
        var entries = 0L;
        var stack = new Stack<(string? Old, string New, string Prefix, int Depth, ImmutableHashSet<string> Ancestors)>();
        stack.Push((oldTree, commit.Tree, string.Empty, 0, ImmutableHashSet.Create<string>(StringComparer.Ordinal)));
        var visited = 0;
        while (stack.TryPop(out var frame))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (frame.Old == frame.New)
            {
                continue;
            }

            var where = frame.Prefix.Length == 0 ? "root tree" : $"tree '{frame.Prefix}'";
            if (ReadTree(repo, frame.New, out var problem) is not { } current)
            {
                problems.Add(Partial($"commit {commit.Id}: {where} ({frame.New}): {problem}: its files are not scanned"));
                continue;
            }

            if (problem is not null)
            {
                problems.Add(Partial($"commit {commit.Id}: {where} ({frame.New}): {problem}: the rest of it is not scanned"));
            }

            var old = frame.Old is null ? null : ReadTree(repo, frame.Old, out _);
            var ancestors = frame.Ancestors.Add(frame.New);
            foreach (var (name, (id, isTree)) in current)
            {
                entries++;
                if (++visited > GitLimits.MaxTreeEntriesPerCommit)
                {
                    problems.Add(Partial($"commit {commit.Id}: more than {GitLimits.MaxTreeEntriesPerCommit} tree entries: the rest of its tree is not scanned"));
                    return new CommitDiff(changes, problems, entries);
                }

                (string? Id, bool IsTree) before = old is not null && old.TryGetValue(name, out var known) ? known : default;
                if (before.Id == id)
                {
                    continue;
                }

                var path = frame.Prefix + name;
                if (!isTree)
                {
                    changes.Add(new Change(commit, path, before.Id is not null && !before.IsTree ? before.Id : null, id, Key(path, id)));
                }
                else if (ancestors.Contains(id))
                {
                    problems.Add(Partial($"commit {commit.Id}: tree {id} contains itself at '{path}/': not followed"));
                }
                else if (frame.Depth + 1 > GitLimits.MaxTreeDepth)
                {
                    problems.Add(Partial($"commit {commit.Id}: trees nested deeper than {GitLimits.MaxTreeDepth} at '{path}/': not followed"));
                }
                else
                {
                    stack.Push((before.IsTree ? before.Id : null, id, path + "/", frame.Depth + 1, ancestors));
                }
            }
        }

        return new CommitDiff(changes, problems, entries);
    }

    // A tree's entries (up to a malformed one, which <paramref name="problem"/> names), or null when it cannot be read at all.
    private static Dictionary<string, (string Id, bool IsTree)>? ReadTree(GitRepository repo, string id, out string? problem)
    {
        try
        {
            var obj = repo.TryRead(id);
            if (obj is not { Type: GitObjectType.Tree })
            {
                problem = obj is null ? "missing" : $"a {obj.Type.ToString().ToLowerInvariant()}, not a tree";
                return null;
            }

            return GitTree.Parse(obj.Data, out problem);
        }
        catch (GitFormatException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    // A file version's identity in 16 bytes instead of two strings, so millions of them stay small in memory.
    private static UInt128 Key(string path, string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(path + "\0" + id), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static Diagnostic Partial(string message) => Diagnostic.Partial(SourceSpan.FileOnly(Location), message);

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

    private sealed record Change(GitCommit Commit, string Path, string? Old, string New, UInt128 Key);

    /// <summary>What one commit changed against its first parent, the problems met, and the tree entries visited.</summary>
    private sealed record CommitDiff(List<Change> Changes, List<Diagnostic> Problems, long Entries);

    private sealed class Totals
    {
        public long Bytes;
        public int Scanned;
        public long TreeEntries;
    }
}
