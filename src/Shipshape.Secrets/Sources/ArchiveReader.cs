using System.IO.Compression;
using System.Text;
using Shipshape.Core;

namespace Shipshape.Secrets.Sources;

/// <summary>
/// Zip (and jar, war, nupkg, wheel), tar, gzip and tar.gz archives as virtual trees of text files, nested
/// archives to a bounded depth, with limits on each member, on the number of members and on the total expanded
/// size (zip and gzip bombs stop there). Nesting is walked with an explicit stack of open archives, never by
/// recursion, and members are handed out one at a time, so memory holds at most one archive per level.
/// Members that look binary (a NUL byte in the first 8000 bytes, as git decides) are skipped. What could not be
/// read is a diagnostic at the archive's path: skipped when nothing of it could be read, partial otherwise.
/// </summary>
public sealed class ArchiveReader
{
    /// <summary>The archive itself and two levels of archives inside it: deeper nesting is rare outside attacks.</summary>
    public const int DefaultMaxDepth = 3;

    /// <summary>Total bytes all members of one archive may expand to: bombs stop here.</summary>
    public const long DefaultMaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Members one archive (nested ones included) may have: large jars have tens of thousands; more is per-member overhead as an attack.</summary>
    public const int MaxMembers = 200_000;

    private readonly long _maxEntryBytes;
    private readonly long _maxTotalBytes;
    private readonly int _maxDepth;

    public ArchiveReader(long maxEntryBytes, long maxTotalBytes = DefaultMaxTotalBytes, int maxDepth = DefaultMaxDepth)
    {
        _maxEntryBytes = maxEntryBytes;
        _maxTotalBytes = maxTotalBytes;
        _maxDepth = maxDepth;
    }

    private enum Kind
    {
        Zip,
        Tar,
        Gzip,
    }

    /// <summary>Whether the name is that of an archive this reader opens.</summary>
    /// <summary>Whether the bytes start as a zip, gzip or tar archive does (by content, whatever the file's name).</summary>
    public static bool IsArchive(ReadOnlySpan<byte> head) => KindOf(head) is not null;

    public static bool IsArchiveName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.ToLowerInvariant();
        return name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".jar", StringComparison.Ordinal)
            || name.EndsWith(".war", StringComparison.Ordinal) || name.EndsWith(".ear", StringComparison.Ordinal)
            || name.EndsWith(".nupkg", StringComparison.Ordinal) || name.EndsWith(".whl", StringComparison.Ordinal)
            || name.EndsWith(".tar", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal)
            || name.EndsWith(".gz", StringComparison.Ordinal);
    }

    /// <summary>
    /// The text files inside, read as the caller enumerates; <paramref name="diagnostics"/> (located at
    /// <paramref name="path"/>) receives what could not be read, and the rest goes on.
    /// </summary>
    public IEnumerable<ArchiveEntry> Read(string path, byte[] content, ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var run = new Run(path, diagnostics);
        var kind = KindOf(content);
        if (kind is null)
        {
            run.Skipped($"{path}: not a zip, tar or gzip archive: not read");
            yield break;
        }

        var stack = new Stack<(IEnumerator<Member> Members, Kind Kind, int Depth)>();
        stack.Push((Open(kind.Value, path, content, run), kind.Value, 1));
        try
        {
            while (stack.TryPeek(out var frame))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (run.Stopped || !frame.Members.MoveNext())
                {
                    stack.Pop().Members.Dispose();
                    continue;
                }

                var member = frame.Members.Current;
                if (++run.Members > MaxMembers)
                {
                    run.Partial($"{path}: more than {MaxMembers} members: the rest are not read");
                    run.Stopped = true;
                    continue;
                }

                if (KindOf(member.Content) is { } inner)
                {
                    // A gzip only wraps its tar: the tar is the same level. Every other archive inside counts one more.
                    var depth = frame.Kind == Kind.Gzip && inner == Kind.Tar ? frame.Depth : frame.Depth + 1;
                    if (depth > _maxDepth)
                    {
                        run.Partial($"{member.Path}: nested archive deeper than {_maxDepth} levels: not read");
                    }
                    else
                    {
                        stack.Push((Open(inner, member.Path, member.Content, run), inner, depth));
                    }

                    continue;
                }

                if (member.Content.AsSpan(0, Math.Min(member.Content.Length, 8000)).IndexOf((byte)0) < 0)
                {
                    yield return new ArchiveEntry(member.Path, member.Content);
                }
            }
        }
        finally
        {
            while (stack.TryPop(out var frame))
            {
                frame.Members.Dispose();
            }
        }

        if (run.OverTotalCount > 0)
        {
            run.Partial($"{path}: the archive expands beyond {_maxTotalBytes} bytes in total: {run.OverTotalCount} members that did not fit are not read, the first {run.FirstOverTotal}");
        }
    }

    private IEnumerator<Member> Open(Kind kind, string path, byte[] content, Run run) => kind switch
    {
        Kind.Zip => ZipMembers(path, content, run).GetEnumerator(),
        Kind.Tar => TarMembers(path, content, run).GetEnumerator(),
        _ => GzipMembers(path, content, run).GetEnumerator(),
    };

    private IEnumerable<Member> ZipMembers(string path, byte[] content, Run run)
    {
        var zip = OpenZip(path, content, run, out var entries);
        if (zip is null)
        {
            yield break;
        }

        using (zip)
        {
            foreach (var entry in entries)
            {
                if (entry.FullName.EndsWith('/') || run.Stopped)
                {
                    continue;
                }

                var name = MemberName(path, entry.FullName, run);
                if (entry.Length > _maxEntryBytes)
                {
                    run.Partial($"{path}!{name}: {entry.Length} bytes, over the limit of {_maxEntryBytes}: not read");
                    continue;
                }

                if (entry.Length > run.Remaining(_maxTotalBytes))
                {
                    run.OverTotal($"{path}!{name}");
                    continue;
                }

                var bytes = ReadZipEntry(path, name, entry, run);
                if (bytes is not null)
                {
                    yield return new Member($"{path}!{name}", bytes);
                }
            }
        }
    }

    private static ZipArchive? OpenZip(string path, byte[] content, Run run, out IReadOnlyList<ZipArchiveEntry> entries)
    {
        entries = [];
        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            entries = zip.Entries;
            return zip;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            zip?.Dispose();
            run.CannotRead(path, $"its central directory cannot be read: {ex.Message}");
            return null;
        }
    }

    private byte[]? ReadZipEntry(string path, string name, ZipArchiveEntry entry, Run run)
    {
        try
        {
            using var stream = entry.Open();
            return ReadCapped(stream, $"{path}!{name}", run, out _);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            run.Partial($"{path}!{name}: cannot be read: {ex.Message}");
            return null;
        }
    }

    private IEnumerable<Member> TarMembers(string path, byte[] content, Run run)
    {
        var at = 0;
        var warnings = new List<string>();
        while (!run.Stopped)
        {
            var start = at;
            var more = TarFormat.TryReadNext(content, ref at, out var member, warnings, out var stop);
            foreach (var warning in warnings)
            {
                run.Warning($"{path}: {warning}");
            }

            warnings.Clear();
            if (stop is not null)
            {
                if (start == 0)
                {
                    run.CannotRead(path, stop);
                }
                else
                {
                    run.Partial($"{path}: {stop}");
                }
            }

            if (!more)
            {
                yield break;
            }

            if (!member.IsFile)
            {
                continue;
            }

            var name = $"{path}!{MemberName(path, member.Name, run)}";
            if (member.Length > _maxEntryBytes)
            {
                run.Partial($"{name}: {member.Length} bytes, over the limit of {_maxEntryBytes}: not read");
                continue;
            }

            if (member.Length > run.Remaining(_maxTotalBytes))
            {
                run.OverTotal(name);
                continue;
            }

            run.Take(member.Length);
            yield return new Member(name, content.AsSpan(member.DataAt, member.Length).ToArray());
        }
    }

    private IEnumerable<Member> GzipMembers(string path, byte[] content, Run run)
    {
        var name = path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) ? path[..^4] + ".tar"
            : path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        byte[]? inner;
        string? error;
        using (var gzip = new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress))
        {
            inner = ReadCapped(gzip, path, run, out error);
        }

        if (inner is null)
        {
            yield break;
        }

        if (error is not null)
        {
            run.Partial($"{path}: decompression stopped ({error}): only the {inner.Length} bytes before are read");
        }

        yield return new Member(name, inner);
    }

    // Reads up to the member limit and what is left of the total; over either, nothing is kept (a bomb's prefix is
    // not worth scanning). A stream that breaks off keeps what came before, with the error.
    private byte[]? ReadCapped(Stream stream, string name, Run run, out string? error)
    {
        error = null;
        var limit = Math.Min(_maxEntryBytes, run.Remaining(_maxTotalBytes));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    if (limit < _maxEntryBytes)
                    {
                        run.OverTotal(name);
                    }
                    else
                    {
                        run.Partial($"{name}: expands beyond {_maxEntryBytes} bytes: not read");
                    }

                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            if (buffer.Length == 0)
            {
                run.Partial($"{name}: cannot be decompressed: {ex.Message}");
                return null;
            }

            error = ex.Message;
        }

        run.Take(buffer.Length);
        return buffer.ToArray();
    }

    // Member names are labels in reports, never paths to write to: still, '..', absolute paths and control characters
    // would make one look like another file, so they are normalised and the archive is flagged.
    private static string MemberName(string archive, string raw, Run run)
    {
        var name = ArchiveNames.Normalize(raw, out var changed);
        if (changed)
        {
            run.Warning($"{archive}: a member name with an absolute path, '..' or control characters is reported as '{name}'");
        }

        return name;
    }

    private static Kind? KindOf(ReadOnlySpan<byte> b) =>
        b.Length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4 ? Kind.Zip
        : b.Length >= 2 && b[0] == 0x1f && b[1] == 0x8b ? Kind.Gzip
        : b.Length >= 262 && b.Slice(257, 5).SequenceEqual("ustar"u8) ? Kind.Tar
        : null;

    private readonly record struct Member(string Path, byte[] Content);

    // One Read call's state: the bytes and members used so far, and where its diagnostics go.
    private sealed class Run(string path, ICollection<Diagnostic> diagnostics)
    {
        private long _total;

        public int Members { get; set; }

        public bool Stopped { get; set; }

        public int OverTotalCount { get; private set; }

        public string? FirstOverTotal { get; private set; }

        public long Remaining(long max) => max - _total;

        // Members that no longer fit the total are counted, not reported one by one; smaller ones after them are still read.
        public void OverTotal(string name)
        {
            FirstOverTotal ??= name;
            OverTotalCount++;
        }

        public void Take(long bytes) => _total += bytes;

        public void Skipped(string message) => diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(path), message));

        public void Partial(string message) => diagnostics.Add(Diagnostic.Partial(SourceSpan.FileOnly(path), message));

        public void Warning(string message) => diagnostics.Add(Diagnostic.Warning(SourceSpan.FileOnly(path), message));

        // The top-level archive unreadable means nothing of it was checked; a nested one, that the whole was checked in part.
        public void CannotRead(string archive, string reason)
        {
            var message = $"{archive}: {reason}";
            if (archive == path && Members == 0)
            {
                Skipped(message);
            }
            else
            {
                Partial(message);
            }
        }
    }
}
