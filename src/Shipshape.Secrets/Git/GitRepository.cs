using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Shipshape.Secrets.Git;

/// <summary>
/// Reads a repository's object database directly (loose objects, packs with their v2 indexes) and its refs,
/// so history scans need no git process or native library. Linked worktrees (a .git file) and bare
/// repositories are understood; SHA-256 repositories are not.
/// </summary>
public sealed class GitRepository
{
    private readonly string _objectsDir;
    private readonly ImmutableArray<PackFile> _packs;
    private readonly ConcurrentDictionary<string, GitObject> _cache = new(StringComparer.Ordinal);

    private GitRepository(string gitDir, string commonDir)
    {
        GitDir = gitDir;
        CommonDir = commonDir;
        _objectsDir = Path.Combine(commonDir, "objects");
        var packDir = Path.Combine(_objectsDir, "pack");
        _packs = Directory.Exists(packDir)
            ? [.. Directory.GetFiles(packDir, "*.idx").Order(StringComparer.Ordinal).Select(p => new PackFile(p))]
            : [];
    }

    public string GitDir { get; }

    public string CommonDir { get; }

    /// <summary>Opens the repository whose work tree contains <paramref name="path"/> (or the bare repository at it).</summary>
    /// <exception cref="GitFormatException">No repository is found, or it uses an unsupported format.</exception>
    public static GitRepository Open(string path)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(path));
        for (var d = dir; d is not null; d = d.Parent)
        {
            var dotGit = Path.Combine(d.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return FromGitDir(dotGit);
            }

            if (File.Exists(dotGit))
            {
                var line = File.ReadAllText(dotGit).Trim();
                if (!line.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    throw new GitFormatException($"{dotGit}: not a gitdir file");
                }

                var target = line["gitdir:".Length..].Trim();
                return FromGitDir(Path.IsPathRooted(target) ? target : Path.GetFullPath(Path.Combine(d.FullName, target)));
            }

            if (File.Exists(Path.Combine(d.FullName, "HEAD")) && Directory.Exists(Path.Combine(d.FullName, "objects")))
            {
                return FromGitDir(d.FullName);
            }
        }

        throw new GitFormatException($"{path}: not inside a git repository");
    }

    private static GitRepository FromGitDir(string gitDir)
    {
        var commonFile = Path.Combine(gitDir, "commondir");
        var common = File.Exists(commonFile) ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim())) : gitDir;
        var config = Path.Combine(common, "config");
        if (File.Exists(config) && File.ReadAllText(config).Contains("objectformat = sha256", StringComparison.OrdinalIgnoreCase))
        {
            throw new GitFormatException($"{common}: SHA-256 repositories are not supported");
        }

        return new GitRepository(gitDir, common);
    }

    /// <summary>The commits the refs (branches, tags, remotes, HEAD) point at, tags peeled.</summary>
    public ImmutableArray<string> RefTips()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        void AddRef(string value)
        {
            value = value.Trim();
            if (value.StartsWith("ref:", StringComparison.Ordinal))
            {
                var name = value[4..].Trim();
                var file = Path.Combine(GitDir, name);
                var commonFile = Path.Combine(CommonDir, name);
                var target = File.Exists(file) ? file : commonFile;
                if (File.Exists(target))
                {
                    AddRef(File.ReadAllText(target));
                }

                return;
            }

            if (value.Length == 40 && Peel(value) is { } commit)
            {
                ids.Add(commit);
            }
        }

        AddRef(File.ReadAllText(Path.Combine(GitDir, "HEAD")));
        var refsDir = Path.Combine(CommonDir, "refs");
        if (Directory.Exists(refsDir))
        {
            foreach (var file in Directory.EnumerateFiles(refsDir, "*", SearchOption.AllDirectories))
            {
                AddRef(File.ReadAllText(file));
            }
        }

        var packed = Path.Combine(CommonDir, "packed-refs");
        if (File.Exists(packed))
        {
            foreach (var line in File.ReadLines(packed))
            {
                if (line.Length >= 40 && !line.StartsWith('#'))
                {
                    AddRef(line[..40].TrimStart('^'));
                }
            }
        }

        return [.. ids];
    }

    private string? Peel(string id)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            var obj = TryRead(id);
            if (obj is null)
            {
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
            id = text.StartsWith("object ", StringComparison.Ordinal) ? text.Substring(7, 40) : string.Empty;
        }

        return null;
    }

    /// <summary>Reads an object by its hex ID.</summary>
    /// <exception cref="GitFormatException">It is missing or corrupt.</exception>
    public GitObject Read(string id) => TryRead(id) ?? throw new GitFormatException($"object {id} is missing");

    public GitObject? TryRead(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var obj = ReadLoose(id) ?? ReadPacked(Convert.FromHexString(id));
        if (obj is not null && obj.Type is GitObjectType.Tree or GitObjectType.Commit && _cache.Count < 200_000)
        {
            _cache[id] = obj;
        }

        return obj;
    }

    private GitObject? ReadPacked(byte[] id)
    {
        foreach (var pack in _packs)
        {
            var offset = pack.Find(id);
            if (offset >= 0)
            {
                return pack.Read(offset, baseId => TryRead(Convert.ToHexStringLower(baseId)));
            }
        }

        return null;
    }

    private GitObject? ReadLoose(string id)
    {
        var path = Path.Combine(_objectsDir, id[..2], id[2..]);
        if (!File.Exists(path))
        {
            return null;
        }

        using var zlib = new ZLibStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        zlib.CopyTo(buffer);
        var raw = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var nul = raw.IndexOf((byte)0);
        var header = Encoding.ASCII.GetString(raw[..nul]);
        var type = header[..header.IndexOf(' ', StringComparison.Ordinal)] switch
        {
            "commit" => GitObjectType.Commit,
            "tree" => GitObjectType.Tree,
            "blob" => GitObjectType.Blob,
            "tag" => GitObjectType.Tag,
            var other => throw new GitFormatException($"object {id}: unknown type '{other}'"),
        };
        return new GitObject(type, raw[(nul + 1)..].ToArray());
    }
}
