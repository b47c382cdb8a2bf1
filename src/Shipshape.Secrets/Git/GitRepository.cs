using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Shipshape.Core;

namespace Shipshape.Secrets.Git;

/// <summary>
/// Reads a repository's object database directly (loose objects, packs with their v2 indexes, alternates) and its
/// refs, so history scans need no git process or native library. Linked worktrees (a .git file) and bare
/// repositories are understood; SHA-256 repositories are not. Everything the repository's files say is checked:
/// paths stay inside the scanned root unless <see cref="GitReadOptions.FollowExternal"/>, objects are inflated
/// only up to their cap, delta chains are followed iteratively with cycle detection (see <see cref="GitLimits"/>),
/// and corrupt data is a <see cref="GitFormatException"/> that the history scanner turns into a diagnostic.
/// </summary>
public sealed class GitRepository : IDisposable
{
    private readonly RepositoryFiles _files;
    private readonly GitReadOptions _options;
    private readonly ImmutableArray<string> _objectDirs;
    private readonly ImmutableArray<PackFile> _packs;
    private readonly ConcurrentDictionary<string, GitObject> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(int Pack, long Offset), GitObject> _deltaBases = new();
    private long _cacheBytes;
    private long _deltaBaseBytes;

    private GitRepository(string gitDir, string commonDir, RepositoryFiles files, GitReadOptions options, ImmutableArray<string> objectDirs, ImmutableArray<PackFile> packs)
    {
        GitDir = gitDir;
        CommonDir = commonDir;
        _files = files;
        _options = options;
        _objectDirs = objectDirs;
        _packs = packs;
    }

    public string GitDir { get; }

    public string CommonDir { get; }

    /// <summary>Opens the repository at <paramref name="path"/>, following whatever it names (the old, unconfined behaviour; for tools and tests).</summary>
    /// <exception cref="GitFormatException">No repository is found, or it cannot be read.</exception>
    public static GitRepository Open(string path)
    {
        var diagnostics = new List<Diagnostic>();
        return Open(path, GitReadOptions.Default with { FollowExternal = true }, diagnostics)
            ?? throw new GitFormatException(string.Join("; ", diagnostics.Select(d => d.Message)));
    }

    /// <summary>
    /// Opens the repository whose work tree is <paramref name="path"/> (or the bare repository at it). Null, with a
    /// diagnostic, when the repository is found but not read: it lies outside the path (a parent's .git, a .git file
    /// or commondir naming another place) and <see cref="GitReadOptions.FollowExternal"/> is off, or it is unreadable.
    /// Alternates and packs that cannot be used are diagnostics too; the rest of the repository is still read.
    /// </summary>
    /// <exception cref="GitFormatException">The path is not in a git repository at all.</exception>
    public static GitRepository? Open(string path, GitReadOptions options, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var files = new RepositoryFiles(path, options.FollowExternal);
        for (var d = new DirectoryInfo(files.Root); d is not null; d = d.Parent)
        {
            var atRoot = Path.TrimEndingDirectorySeparator(d.FullName) == files.Root;
            var dotGit = Path.Combine(d.FullName, ".git");
            var isDirectory = Directory.Exists(dotGit);
            var isFile = !isDirectory && File.Exists(dotGit);
            var isBare = !isDirectory && !isFile && File.Exists(Path.Combine(d.FullName, "HEAD")) && Directory.Exists(Path.Combine(d.FullName, "objects"));
            if (!isDirectory && !isFile && !isBare)
            {
                continue;
            }

            if (!atRoot && !options.FollowExternal)
            {
                diagnostics.Add(Skipped($"the scanned root is inside the git repository at {d.FullName}: that repository's history is not read (--git-allow-external reads it)"));
                return null;
            }

            string gitDir;
            if (isFile)
            {
                var text = files.ReadSmall(dotGit, GitLimits.MaxRefFileBytes, out var problem);
                var line = text is null ? string.Empty : Encoding.UTF8.GetString(text).Trim();
                if (!line.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    diagnostics.Add(Skipped(problem ?? $"{dotGit} is not a 'gitdir:' file: history not read"));
                    return null;
                }

                gitDir = Path.GetFullPath(line["gitdir:".Length..].Trim(), d.FullName);
            }
            else
            {
                gitDir = isDirectory ? dotGit : d.FullName;
            }

            return FromGitDir(gitDir, files, options, diagnostics);
        }

        throw new GitFormatException($"{path}: not inside a git repository");
    }

    private static GitRepository? FromGitDir(string gitDir, RepositoryFiles files, GitReadOptions options, ICollection<Diagnostic> diagnostics)
    {
        if (!files.Allows(gitDir))
        {
            diagnostics.Add(Skipped($"the git directory {gitDir} is outside the scanned root: history not read (--git-allow-external reads it)"));
            return null;
        }

        if (!Directory.Exists(gitDir))
        {
            diagnostics.Add(Skipped($"the git directory {gitDir} does not exist: history not read"));
            return null;
        }

        var common = gitDir;
        var commonText = files.ReadSmall(Path.Combine(gitDir, "commondir"), GitLimits.MaxRefFileBytes, out var problem);
        if (problem is not null)
        {
            diagnostics.Add(Skipped($"{problem}: history not read"));
            return null;
        }

        if (commonText is not null)
        {
            common = Path.GetFullPath(Encoding.UTF8.GetString(commonText).Trim(), gitDir);
            if (!files.Allows(common))
            {
                diagnostics.Add(Skipped($"commondir names {common}, outside the scanned root: history not read (--git-allow-external reads it)"));
                return null;
            }
        }

        var config = files.ReadSmall(Path.Combine(common, "config"), GitLimits.MaxConfigBytes, out _);
        if (config is not null && Encoding.UTF8.GetString(config).Contains("objectformat = sha256", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Skipped($"{common}: SHA-256 repositories are not supported: history not read"));
            return null;
        }

        var objectDirs = ObjectDirectories(Path.Combine(common, "objects"), files, diagnostics);
        var packs = ImmutableArray.CreateBuilder<PackFile>();
        foreach (var objects in objectDirs)
        {
            var packDir = Path.Combine(objects, "pack");
            string[] indexes;
            try
            {
                indexes = Directory.Exists(packDir) ? Directory.GetFiles(packDir, "*.idx") : [];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Partial($"{packDir} cannot be listed: {ex.Message}"));
                continue;
            }

            foreach (var index in indexes.Order(StringComparer.Ordinal))
            {
                try
                {
                    packs.Add(PackFile.Open(index, files));
                }
                catch (Exception ex) when (ex is GitFormatException or IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(Partial($"pack {Path.GetFileName(index)} not read: {ex.Message}"));
                }
            }
        }

        return new GitRepository(gitDir, common, files, options, objectDirs, packs.ToImmutable());
    }

    // The repository's object directory, then its alternates (and theirs, as deep as git goes), each inside the root unless allowed.
    private static ImmutableArray<string> ObjectDirectories(string objects, RepositoryFiles files, ICollection<Diagnostic> diagnostics)
    {
        if (!files.Allows(objects))
        {
            diagnostics.Add(Partial($"{objects} leads outside the scanned root: objects there are not read (--git-allow-external reads them)"));
            return [];
        }

        var dirs = new List<string> { Path.GetFullPath(objects) };
        var queue = new Queue<(string Dir, int Depth)>([(dirs[0], 0)]);
        while (queue.TryDequeue(out var item))
        {
            var alternatesPath = Path.Combine(item.Dir, "info", "alternates");
            var text = files.ReadSmall(alternatesPath, GitLimits.MaxConfigBytes, out var problem);
            if (problem is not null)
            {
                diagnostics.Add(Partial(problem));
            }

            if (text is null)
            {
                continue;
            }

            foreach (var raw in Encoding.UTF8.GetString(text).Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var dir = Path.GetFullPath(line, item.Dir);
                if (!files.Allows(dir))
                {
                    diagnostics.Add(Partial($"objects/info/alternates names {dir}, outside the scanned root: objects there are not read (--git-allow-external reads them)"));
                }
                else if (item.Depth + 1 > GitLimits.MaxAlternatesDepth)
                {
                    diagnostics.Add(Partial($"alternates nested deeper than {GitLimits.MaxAlternatesDepth}: {dir} not read"));
                }
                else if (!dirs.Contains(dir, StringComparer.Ordinal) && Directory.Exists(dir))
                {
                    dirs.Add(dir);
                    queue.Enqueue((dir, item.Depth + 1));
                }
            }
        }

        return [.. dirs];
    }

    /// <summary>The commits the refs (branches, tags, remotes, HEAD) point at, tags peeled; refs that cannot be resolved are diagnostics.</summary>
    public ImmutableArray<string> RefTips(ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var packed = PackedRefs(diagnostics, cancellationToken);
        var values = new List<(string Name, string Value)>();
        if (ReadRefFile("HEAD", diagnostics) is { } head)
        {
            values.Add(("HEAD", head));
        }

        var refsDir = Path.Combine(CommonDir, "refs");
        if (Directory.Exists(refsDir) && _files.Allows(refsDir))
        {
            // Links are skipped: a linked directory could lead outside the root or back into itself.
            var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            foreach (var file in Directory.EnumerateFiles(refsDir, "*", walk).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = "refs/" + Path.GetRelativePath(refsDir, file).Replace('\\', '/');
                if (ReadRefFile(name, diagnostics) is { } value)
                {
                    values.Add((name, value));
                }
            }
        }

        values.AddRange(packed.Select(p => (p.Key, p.Value)));
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Resolve(name, value, packed, diagnostics) is { } id && Peel(name, id, diagnostics) is { } commit)
            {
                ids.Add(commit);
            }
        }

        return [.. ids];
    }

    // Follows "ref: " indirections (at most git's 5 hops, loops reported) to an object ID; an unborn branch is no problem.
    private string? Resolve(string name, string value, Dictionary<string, string> packed, ICollection<Diagnostic> diagnostics)
    {
        var chain = new List<string> { name };
        for (var hop = 0; ; hop++)
        {
            if (!value.StartsWith("ref:", StringComparison.Ordinal))
            {
                if (ObjectId.Parse(value) is { } id)
                {
                    return id;
                }

                diagnostics.Add(Partial($"ref {name} does not hold an object ID: not followed"));
                return null;
            }

            var target = value[4..].Trim();
            if (!IsValidRefName(target))
            {
                diagnostics.Add(Partial($"ref {name} points at '{target}', which is not a valid ref name: not followed"));
                return null;
            }

            if (chain.Contains(target, StringComparer.Ordinal))
            {
                diagnostics.Add(Partial($"symbolic ref loop: {string.Join(" -> ", chain)} -> {target}"));
                return null;
            }

            chain.Add(target);
            if (hop >= GitLimits.MaxSymbolicRefHops)
            {
                diagnostics.Add(Partial($"symbolic refs nested deeper than {GitLimits.MaxSymbolicRefHops}: {string.Join(" -> ", chain)}"));
                return null;
            }

            var next = ReadRefFile(target, diagnostics) ?? (packed.TryGetValue(target, out var p) ? p : null);
            if (next is null)
            {
                return null;
            }

            value = next;
        }
    }

    // Per-worktree refs (HEAD) live in the git directory, shared ones in the common directory.
    private string? ReadRefFile(string name, ICollection<Diagnostic> diagnostics)
    {
        foreach (var dir in (string[])[GitDir, CommonDir])
        {
            var bytes = _files.ReadSmall(Path.Combine(dir, name), GitLimits.MaxRefFileBytes, out var problem);
            if (problem is not null)
            {
                diagnostics.Add(Partial($"ref {name}: {problem}"));
                return null;
            }

            if (bytes is not null)
            {
                return Encoding.UTF8.GetString(bytes).Trim();
            }

            if (dir == CommonDir)
            {
                break;
            }
        }

        return null;
    }

    private Dictionary<string, string> PackedRefs(ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(CommonDir, "packed-refs");
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return refs;
        }

        if (!_files.Allows(path) || info.Length > GitLimits.MaxPackedRefsBytes)
        {
            diagnostics.Add(Partial($"packed-refs is outside the scanned root or over {GitLimits.MaxPackedRefsBytes} bytes: not read"));
            return refs;
        }

        try
        {
            foreach (var line in File.ReadLines(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Length > ObjectId.HexLength + 1 && !line.StartsWith('#') && !line.StartsWith('^') && line[ObjectId.HexLength] == ' ')
                {
                    var name = line[(ObjectId.HexLength + 1)..].Trim();
                    if (IsValidRefName(name))
                    {
                        refs[name] = line[..ObjectId.HexLength];
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Partial($"packed-refs cannot be read: {ex.Message}"));
        }

        return refs;
    }

    // git check-ref-format, in the part that matters here: the name must stay under refs/ (or be a top-level *HEAD).
    private static bool IsValidRefName(string name) =>
        name.Length is > 0 and <= 1024
        && (name.StartsWith("refs/", StringComparison.Ordinal) || name is "HEAD" or "FETCH_HEAD" or "ORIG_HEAD" or "MERGE_HEAD")
        && !name.Contains("..", StringComparison.Ordinal) && !name.Contains("//", StringComparison.Ordinal)
        && !name.EndsWith('/') && !name.Contains('\\') && !name.Any(char.IsControl) && !name.Contains(':');

    private string? Peel(string name, string id, ICollection<Diagnostic> diagnostics)
    {
        for (var depth = 0; depth < GitLimits.MaxTagChain; depth++)
        {
            GitObject? obj;
            try
            {
                obj = TryRead(id);
            }
            catch (GitFormatException ex)
            {
                diagnostics.Add(Partial($"ref {name}: object {id}: {ex.Message}"));
                return null;
            }

            if (obj is null)
            {
                diagnostics.Add(Partial($"ref {name} points at object {id}, which is missing"));
                return null;
            }

            if (obj.Type == GitObjectType.Commit)
            {
                return id;
            }

            if (obj.Type != GitObjectType.Tag)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(obj.Data);
            if (!text.StartsWith("object ", StringComparison.Ordinal) || text.Length < 7 + ObjectId.HexLength || ObjectId.Parse(text.AsSpan(7, ObjectId.HexLength)) is not { } next)
            {
                diagnostics.Add(Partial($"ref {name}: tag {id} is malformed"));
                return null;
            }

            id = next;
        }

        diagnostics.Add(Partial($"ref {name}: tags nested deeper than {GitLimits.MaxTagChain}"));
        return null;
    }

    /// <summary>Commits whose parents a shallow clone does not have; git treats them as roots.</summary>
    public IReadOnlySet<string> ShallowCommits(ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var bytes = _files.ReadSmall(Path.Combine(CommonDir, "shallow"), GitLimits.MaxConfigBytes, out var problem);
        if (problem is not null)
        {
            diagnostics.Add(Partial($"{problem}: shallow boundaries unknown, missing parents are reported"));
        }

        foreach (var line in bytes is null ? [] : Encoding.ASCII.GetString(bytes).Split('\n'))
        {
            if (ObjectId.Parse(line) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Reads an object by its hex ID.</summary>
    /// <exception cref="GitFormatException">It is missing, corrupt or over its size limit.</exception>
    public GitObject Read(string id) => TryRead(id) ?? throw new GitFormatException($"object {id} is missing");

    /// <summary>Reads an object by its hex ID; null when no object directory or pack has it.</summary>
    /// <exception cref="GitFormatException">It is corrupt or over its size limit (commits, trees and tags 64 MiB; blobs the scan's maximum file size).</exception>
    public GitObject? TryRead(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        if (!ObjectId.IsValid(id))
        {
            throw new GitFormatException($"'{id}' is not an object ID");
        }

        id = id.ToLowerInvariant();
        GitObject? obj;
        try
        {
            obj = ReadObject(id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GitFormatException($"object {id} cannot be read: {ex.Message}", ex);
        }

        if (obj is not null && obj.Type is GitObjectType.Tree or GitObjectType.Commit)
        {
            Remember(_cache, id, obj, ref _cacheBytes, GitLimits.ObjectCacheBytes);
        }

        return obj;
    }

    public void Dispose()
    {
        foreach (var pack in _packs)
        {
            pack.Dispose();
        }
    }

    // Follows a delta chain from the object to its full base, one link at a time (no recursion, whatever the depth),
    // refusing cycles and chains longer than git ever writes; then applies the deltas from the base outwards.
    private GitObject? ReadObject(string id)
    {
        var deltas = new List<(int Pack, PackEntry Entry, long Offset)>();
        var visited = new HashSet<(int, long)>();
        var location = Locate(id);
        if (location is null)
        {
            return null;
        }

        var (pack, offset, loose) = location.Value;
        GitObject baseObject;
        while (true)
        {
            if (loose is not null)
            {
                baseObject = ReadLoose(loose, id);
                break;
            }

            if (!visited.Add((pack, offset)))
            {
                throw new GitFormatException($"object {id}: delta chain loops back to {_packs[pack].Name} offset {offset}");
            }

            if (deltas.Count >= GitLimits.MaxDeltaChain)
            {
                throw new GitFormatException($"object {id}: delta chain longer than {GitLimits.MaxDeltaChain}");
            }

            if (_deltaBases.TryGetValue((pack, offset), out var known))
            {
                baseObject = known;
                break;
            }

            var entry = _packs[pack].ReadEntry(offset);
            if (entry.Type == GitObjectType.OffsetDelta)
            {
                deltas.Add((pack, entry, offset));
                offset = entry.BaseOffset;
            }
            else if (entry.Type == GitObjectType.RefDelta)
            {
                deltas.Add((pack, entry, offset));
                var baseId = Convert.ToHexStringLower(entry.BaseId!);
                (pack, offset, loose) = Locate(baseId) ?? throw new GitFormatException($"object {id}: delta base {baseId} is missing");
            }
            else
            {
                baseObject = new GitObject(entry.Type, Inflate(_packs[pack], entry, id, Limit(entry.Type)));
                break;
            }
        }

        for (var i = deltas.Count - 1; i >= 0; i--)
        {
            var (p, entry, at) = deltas[i];
            var limit = Limit(baseObject.Type);
            // An insert-only delta is its result plus one byte in 128 and a header; anything larger is not a delta of an allowed result.
            var delta = Inflate(_packs[p], entry, id, limit + (limit / 64) + 64);
            baseObject = new GitObject(baseObject.Type, Delta.Apply(baseObject.Data, delta, limit));
            if (i > 0)
            {
                Remember(_deltaBases, (p, at), baseObject, ref _deltaBaseBytes, GitLimits.DeltaBaseCacheBytes);
            }
        }

        return baseObject;
    }

    private static byte[] Inflate(PackFile pack, PackEntry entry, string id, long limit)
    {
        try
        {
            return pack.Inflate(entry, limit);
        }
        catch (GitFormatException ex)
        {
            throw new GitFormatException($"object {id}: {ex.Message}", ex);
        }
    }

    private long Limit(GitObjectType type) => type == GitObjectType.Blob ? _options.MaxBlobBytes : GitLimits.MaxStructureBytes;

    // A cache that is emptied when it would grow past its budget: crude, but bounded, and enough for chains read in order.
    private static void Remember<TKey>(ConcurrentDictionary<TKey, GitObject> cache, TKey key, GitObject obj, ref long bytes, long budget)
        where TKey : notnull
    {
        if (obj.Data.Length > budget / 4)
        {
            return;
        }

        if (Interlocked.Add(ref bytes, obj.Data.Length) > budget)
        {
            cache.Clear();
            Interlocked.Exchange(ref bytes, obj.Data.Length);
        }

        cache[key] = obj;
    }

    private (int Pack, long Offset, string? Loose)? Locate(string id)
    {
        foreach (var objects in _objectDirs)
        {
            var dir = Path.Combine(objects, id[..2]);
            var path = Path.Combine(dir, id[2..]);
            if (File.Exists(path))
            {
                if (!_files.AllowsFileIn(dir, path))
                {
                    throw new GitFormatException($"object {id}: the loose object file leads outside the scanned root: not read");
                }

                return (-1, -1, path);
            }
        }

        var binary = Convert.FromHexString(id);
        for (var i = 0; i < _packs.Length; i++)
        {
            var offset = _packs[i].Find(binary);
            if (offset >= 0)
            {
                return (i, offset, null);
            }
        }

        return null;
    }

    // A loose object is "<type> <size>\0<data>" deflated; the header is read first, so nothing over the cap is inflated
    // and a zlib bomb stops at the size its header declares.
    private GitObject ReadLoose(string path, string id)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length == 0)
            {
                throw new GitFormatException($"object {id}: the loose object file is empty");
            }

            using var zlib = new ZLibStream(File.OpenRead(path), CompressionMode.Decompress);
            Span<byte> header = stackalloc byte[32];
            var length = 0;
            while (true)
            {
                var b = zlib.ReadByte();
                if (b < 0 || length == header.Length)
                {
                    throw new GitFormatException($"object {id}: the loose object header is truncated or too long");
                }

                if (b == 0)
                {
                    break;
                }

                header[length++] = (byte)b;
            }

            var text = Encoding.ASCII.GetString(header[..length]);
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var type = (space < 0 ? text : text[..space]) switch
            {
                "commit" => GitObjectType.Commit,
                "tree" => GitObjectType.Tree,
                "blob" => GitObjectType.Blob,
                "tag" => GitObjectType.Tag,
                _ => throw new GitFormatException($"object {id}: unknown loose object type"),
            };
            if (space < 0 || !long.TryParse(text.AsSpan(space + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                throw new GitFormatException($"object {id}: the loose object header has no size");
            }

            if (size > Limit(type))
            {
                throw new GitFormatException($"object {id}: {size} bytes, over the limit of {Limit(type)}");
            }

            var data = new byte[size];
            zlib.ReadExactly(data);
            return new GitObject(type, data);
        }
        catch (EndOfStreamException)
        {
            throw new GitFormatException($"object {id}: the loose object is truncated");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new GitFormatException($"object {id}: the loose object cannot be read: {ex.Message}");
        }
    }

    private static Diagnostic Skipped(string message) => Diagnostic.Skipped(SourceSpan.FileOnly(GitHistoryScanner.Location), message);

    private static Diagnostic Partial(string message) => Diagnostic.Partial(SourceSpan.FileOnly(GitHistoryScanner.Location), message);
}
