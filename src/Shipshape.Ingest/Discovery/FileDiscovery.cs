using System.Collections.Immutable;
using System.Globalization;
using Shipshape.Core;

namespace Shipshape.Ingest.Discovery;

/// <summary>
/// Walks scan roots and returns the files worth parsing, honouring ignore files and size limits.
/// Symlinks: directory symlinks are never followed (so no loops and no escapes are possible); a file symlink is
/// followed only when its fully resolved target lies inside the physical scan root, and <see cref="DiscoveredFile.FullPath"/>
/// is then that target. A root named explicitly is scanned even when it is itself a symlink. Nothing is ever written.
/// </summary>
public static class FileDiscovery
{
    /// <summary>The tool's own ignore file, read at each scan root whether or not .gitignore files are used.</summary>
    public const string ShipshapeIgnoreFileName = ".shipshapeignore";

    /// <summary>Git's binary heuristic looks for a NUL byte in this many leading bytes.</summary>
    public const int BinaryProbeBytes = 8000;

    private const string GitignoreFileName = ".gitignore";

    // How names in a listing compare with names looked up by path: exactly on Linux, ignoring case where the file
    // system usually does (macOS, Windows).
    private static readonly StringComparer NameComparer = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    // The bytes MostlyNotText counts against a file: C0 controls except \t \n \v \f \r and ESC, and DEL.
    private static readonly System.Buffers.SearchValues<byte> ControlBytes = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\v' or '\f' or '\r' or 0x1b)).Select(b => (byte)b), (byte)0x7f]);

    private static readonly EnumerationOptions ListOneDirectory = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
        AttributesToSkip = 0,
        MatchType = MatchType.Simple,
    };

    /// <summary>Discovers files under every root; problems with inputs come back as diagnostics, never as exceptions.</summary>
    public static DiscoveryResult Discover(DiscoveryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = new Run(options, cancellationToken);
        if (options.Roots.IsDefaultOrEmpty)
        {
            run.Diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly("."), "No scan root was given."));
        }
        else if (options.MaxFileBytes < 0)
        {
            run.Diagnostics.Add(Diagnostic.Error(
                SourceSpan.FileOnly("."),
                Invariant($"The file size limit must not be negative; got {options.MaxFileBytes}.")));
        }
        else
        {
            foreach (var root in options.Roots)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScanRoot(run, root);
            }
        }

        return new DiscoveryResult
        {
            Files = run.Files.ToImmutable(),
            Images = run.Images.ToImmutable(),
            Diagnostics = run.Diagnostics.ToImmutable(),
            SkippedBinary = run.SkippedBinary,
            SkippedIgnored = run.SkippedIgnored,
            SkippedOversize = run.SkippedOversize,
            SkippedSymlinks = run.SkippedSymlinks,
            SkippedSpecial = run.SkippedSpecial,
        };
    }

    private static void ScanRoot(Run run, string root)
    {
        string full;
        try
        {
            full = string.IsNullOrWhiteSpace(root) ? string.Empty : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException)
        {
            full = string.Empty;
        }

        var firstFile = run.Files.Count;
        var firstImage = run.Images.Count;
        var firstDiagnostic = run.Diagnostics.Count;
        string display;
        if (full.Length > 0 && File.Exists(full))
        {
            display = DisplayPaths.FilePrefix(root!);
            ScanFileRoot(run, full);
        }
        else if (full.Length > 0 && Directory.Exists(full))
        {
            display = DisplayPaths.Prefix(root);
            if (run.Options.IsImageDirectory?.Invoke(full) == true)
            {
                run.Images.Add(new DiscoveredFile(full, string.Empty, full, 0, InputFormat.Binary));
            }
            else
            {
                ScanDirectoryRoot(run, full);
            }
        }
        else
        {
            run.Diagnostics.Add(Diagnostic.Error(SourceSpan.FileOnly(root ?? string.Empty), $"Scan root '{root}' does not exist."));
            return;
        }

        // Files and what was said about them carry the path as the user gave it.
        for (var i = firstFile; i < run.Files.Count; i++)
        {
            run.Files[i] = run.Files[i] with { DisplayRoot = display };
        }

        for (var i = firstImage; i < run.Images.Count; i++)
        {
            run.Images[i] = run.Images[i] with { DisplayRoot = display };
        }

        for (var i = firstDiagnostic; i < run.Diagnostics.Count; i++)
        {
            var d = run.Diagnostics[i];
            run.Diagnostics[i] = d with { Location = d.Location with { Path = DisplayPaths.Join(display, d.Location.Path) } };
        }
    }

    private static void ScanFileRoot(Run run, string full)
    {
        var name = Path.GetFileName(full);
        var target = PathResolver.RealPath(full) ?? full;
        var files = new List<DiscoveredFile>(1);
        var candidates = new ProbeQueue(run);
        try
        {
            TryAddFile(run, candidates, target, name, full, new FileInfo(target).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(name), $"File '{name}' could not be read and was skipped: {e.Message}"));
        }

        AddProbed(run, candidates, files);
        run.Files.AddRange(files);
    }

    private static void ScanDirectoryRoot(Run run, string root)
    {
        var physicalRoot = PathResolver.RealPath(root) ?? root;
        var overrides = new List<IgnoreRules>(2);
        var shipshapeIgnore = ReadIgnoreFile(run, Path.Join(root, ShipshapeIgnoreFileName), string.Empty);
        if (shipshapeIgnore is not null)
        {
            overrides.Add(shipshapeIgnore);
        }

        if (!run.Options.ExtraIgnorePatterns.IsDefaultOrEmpty)
        {
            overrides.Add(IgnoreRules.FromLines(run.Options.ExtraIgnorePatterns, string.Empty));
        }

        var files = new List<DiscoveredFile>();
        // Files are probed while the walk goes on: the walk is one thread's work, the probes fill the other cores.
        var candidates = new ProbeQueue(run);
        var links = new List<(string Link, string RelativePath, Matcher Ignore)>();
        var pending = new Stack<Frame>();
        pending.Push(new Frame(root, string.Empty, []));
        while (pending.Count > 0)
        {
            run.CancellationToken.ThrowIfCancellationRequested();
            var frame = pending.Pop();
            List<ListedEntry> entries;
            try
            {
                entries = DirectoryListing.TryList(frame.FullPath) ?? ListWithDotNet(frame.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                var shown = frame.RelativePath.Length == 0 ? "." : frame.RelativePath;
                run.Diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(shown), $"Directory '{shown}' could not be read and was skipped: {e.Message}"));
                continue;
            }

            // The listing says which of the files looked for in every directory are there: asking the file system for
            // each by path cost a few failed lookups per directory, on the walk's one thread.
            // (One pass over the entries for the three names: a set of every name per directory cost more than the lookups.)
            var (hasLayout, hasGitignore) = (false, false);
            foreach (var entry in entries)
            {
                hasLayout |= NameComparer.Equals(entry.Name, "oci-layout") || NameComparer.Equals(entry.Name, "manifest.json");
                hasGitignore |= NameComparer.Equals(entry.Name, GitignoreFileName);
            }

            // A directory below the root that holds an image layout (docker save or OCI, unpacked) is one image input.
            if (frame.RelativePath.Length > 0 && hasLayout
                && run.Options.IsImageDirectory?.Invoke(frame.FullPath) == true)
            {
                run.Images.Add(new DiscoveredFile(frame.FullPath, frame.RelativePath, root, 0, InputFormat.Binary));
                continue;
            }

            var gitignores = frame.Gitignores;
            if (run.Options.UseGitignore && hasGitignore &&
                ReadIgnoreFile(run, Path.Join(frame.FullPath, GitignoreFileName), frame.RelativePath) is { } local)
            {
                gitignores = gitignores.Push(local);
            }

            var ignore = new Matcher(overrides, gitignores);
            entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirectories = new List<Frame>();
            foreach (var entry in entries)
            {
                // .git is a directory in a clone and a file in a worktree; neither is deployment configuration.
                if (string.Equals(entry.Name, ".git", StringComparison.Ordinal))
                {
                    continue;
                }

                var relative = frame.RelativePath.Length == 0 ? entry.Name : frame.RelativePath + "/" + entry.Name;
                if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    // .NET decodes such names lossily, so the path it gives back names no file (or another one).
                    run.Diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"'{relative}' was skipped: its name is not valid UTF-8"));
                    continue;
                }

                var fullPath = Path.Join(frame.FullPath, entry.Name);
                var type = entry.Type == EntryType.Unknown ? TypeOf(new FileInfo(fullPath)) : entry.Type;
                if (type == EntryType.SymbolicLink)
                {
                    links.Add((fullPath, relative, ignore));
                }
                else if (type == EntryType.Directory)
                {
                    if (ignore.IsIgnored(relative, isDirectory: true))
                    {
                        run.SkippedIgnored++;
                    }
                    else
                    {
                        subdirectories.Add(new Frame(fullPath, relative, gitignores));
                    }
                }
                else if (type is EntryType.File or EntryType.Special)
                {
                    if (ignore.IsIgnored(relative, isDirectory: false))
                    {
                        run.SkippedIgnored++;
                    }
                    else
                    {
                        // The size comes with the probe's stat: the listing does not stat each entry. A file the listing
                        // itself typed as regular is opened without a stat first (a FIFO or device could block or act on open).
                        TryAddFile(run, candidates, fullPath, relative, root, UnknownLength, listedRegular: entry.Type == EntryType.File);
                    }
                }
            }

            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }

        // Links are resolved after the walk so that a file reached both directly and through a link is reported
        // under its own path, whatever the names sort like.
        foreach (var (link, relative, ignore) in links)
        {
            VisitSymlink(run, candidates, link, relative, root, physicalRoot, ignore);
        }

        AddProbed(run, candidates, files);

        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        run.Files.AddRange(files);
    }

    /// <summary>A candidate's length when the walk did not learn it: the probe's stat gives it.</summary>
    private const long UnknownLength = -1;

    // .NET's listing, where DirectoryListing has none: the type of each entry costs a stat, as it always did here.
    private static List<ListedEntry> ListWithDotNet(string directory) =>
        [.. new DirectoryInfo(directory).GetFileSystemInfos("*", ListOneDirectory).Select(e => new ListedEntry(e.Name, TypeOf(e)))];

    // An entry typed by a stat of the entry itself: .NET's listing, or a DT_UNKNOWN entry of some file systems.
    private static EntryType TypeOf(FileSystemInfo entry) =>
        entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null ? EntryType.SymbolicLink
        : entry.Attributes.HasFlag(FileAttributes.Directory) ? EntryType.Directory
        : EntryType.File;

    private static void VisitSymlink(Run run, ProbeQueue candidates, string link, string relative, string root, string physicalRoot, Matcher ignore)
    {
        var target = PathResolver.RealPath(link);
        var isDirectory = target is not null && Directory.Exists(target);
        if (ignore.IsIgnored(relative, isDirectory))
        {
            run.SkippedIgnored++;
            return;
        }

        if (target is not null && !isDirectory && File.Exists(target) && !PathResolver.IsInside(target, physicalRoot))
        {
            // The link's target is not shown: it is outside what the user asked to scan.
            run.SkippedSymlinks++;
            run.Diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"'{relative}' was skipped: it is a symbolic link to a file outside the scanned root, which is never read"));
            return;
        }

        if (target is null || isDirectory || !File.Exists(target))
        {
            run.SkippedSymlinks++;
            return;
        }

        long length;
        try
        {
            length = new FileInfo(target).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Diagnostics.Add(Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"File '{relative}' could not be read and was skipped: {e.Message}"));
            return;
        }

        TryAddFile(run, candidates, target, relative, root, length);
    }

    // Files are queued during the walk and probed (stat, first bytes, format) in batches on the thread pool while the
    // walk goes on: on a tree of many small files the probes are most of discovery's time, and each is independent.
    private static void TryAddFile(Run run, ProbeQueue candidates, string fullPath, string relative, string root, long length, bool listedRegular = false)
    {
        if (!run.Seen.Add(fullPath))
        {
            // Overlapping roots or a link to a file already found: report each physical file once.
            return;
        }

        candidates.Add(new Candidate(fullPath, relative, root, length, listedRegular));
    }

    /// <summary>Waits for the queued files' probes and records the outcomes in queue order, so the result does not depend on scheduling.</summary>
    private static void AddProbed(Run run, ProbeQueue candidates, List<DiscoveredFile> files)
    {
        foreach (var outcome in candidates.Complete())
        {
            switch (outcome.Kind)
            {
                case ProbeKind.Special: run.SkippedSpecial++; break;
                case ProbeKind.Oversize: run.SkippedOversize++; break;
                case ProbeKind.Binary: run.SkippedBinary++; break;
                case ProbeKind.File: files.Add(outcome.File!); break;
                case ProbeKind.Image: run.Images.Add(outcome.File!); break;
            }

            if (outcome.Diagnostic is { } diagnostic)
            {
                run.Diagnostics.Add(diagnostic);
            }
        }
    }

    /// <summary>Files to probe, started in batches as they are queued; <see cref="Complete"/> gives the outcomes in queue order.</summary>
    private sealed class ProbeQueue(Run run)
    {
        private const int BatchSize = 128;
        private readonly List<Task<Probe[]>> _batches = [];
        private List<Candidate> _pending = new(BatchSize);

        public void Add(Candidate candidate)
        {
            _pending.Add(candidate);
            if (_pending.Count == BatchSize)
            {
                Start();
            }
        }

        public IEnumerable<Probe> Complete()
        {
            Start();
            try
            {
                Task.WaitAll(_batches, run.CancellationToken);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                // A probe's own exception, not the wrapper (cancellation included).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }

            return _batches.SelectMany(b => b.Result);
        }

        private void Start()
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var batch = _pending;
            _pending = new List<Candidate>(BatchSize);
            _batches.Add(Task.Run(
                () => batch.Select(c =>
                {
                    run.CancellationToken.ThrowIfCancellationRequested();
                    return ProbeFile(run, c);
                }).ToArray(),
                run.CancellationToken));
        }
    }

    private static Probe ProbeFile(Run run, Candidate candidate)
    {
        var options = run.Options;
        var (fullPath, relative, root, length, listedRegular) = candidate;
        // A file listed as regular is opened and read at once, its type and size taken from the open descriptor. Its head
        // stays on the stack (the bytes of every file of the tree passed through it): only a kept file is copied out.
        var haveHead = false;
        var kind = FileKindResult.Unknown;
        var statSize = -1L;
        var read = 0;
        Span<byte> buffer = stackalloc byte[BinaryProbeBytes];
        var fast = HeadResult.Fallback;
        if (listedRegular)
        {
            fast = FileHead.TryRead(fullPath, buffer, options.MaxFileBytes, out read, out kind, out statSize);
        }

        if (fast == HeadResult.BecameLink)
        {
            // Replaced by a link since the walk listed it: following it now could leave the root, and links are resolved
            // only by the walk, which checks where they lead.
            return new Probe(ProbeKind.Special, null, Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"'{relative}' was skipped: it was replaced by a symbolic link while the tree was being scanned"));
        }

        if (fast == HeadResult.Read)
        {
            haveHead = kind == FileKindResult.Regular && statSize > 0 && statSize <= options.MaxFileBytes;
        }
        else
        {
            kind = FileKind.Of(fullPath, out statSize);
        }

        if (kind is not (FileKindResult.Regular or FileKindResult.Unknown))
        {
            return new Probe(ProbeKind.Special, null, Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"'{relative}' was skipped: it is {FileKind.Describe(kind)}, and only regular files are read"));
        }

        if (length == UnknownLength)
        {
            // The walk listed the file without a stat: its size is the probe's (or .NET's where the stat is not read here).
            try
            {
                length = kind == FileKindResult.Regular && statSize >= 0 ? statSize : new FileInfo(fullPath).Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Probe(ProbeKind.Unreadable, null, Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"File '{relative}' could not be read and was skipped: {e.Message}"));
            }
        }

        // An image archive is larger than any configuration file: the size limit applies to the files in its layers.
        if (length > options.MaxFileBytes && options.IsImageFile?.Invoke(fullPath) == true)
        {
            return new Probe(ProbeKind.Image, new DiscoveredFile(fullPath, relative, root, length, InputFormat.Binary), null);
        }

        if (length > options.MaxFileBytes)
        {
            return new Probe(ProbeKind.Oversize, null, Diagnostic.Skipped(
                SourceSpan.FileOnly(relative),
                Invariant($"File '{relative}' is {length} bytes, over the limit of {options.MaxFileBytes} bytes, and was skipped.")));
        }

        // Empty files are not opened: there is nothing to sniff, and special files such as FIFOs report
        // length 0, so this also keeps discovery from blocking on them.
        scoped ReadOnlySpan<byte> head;
        try
        {
            head = haveHead ? buffer[..read] : length == 0 ? [] : ReadHead(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Probe(ProbeKind.Unreadable, null, Diagnostic.Skipped(SourceSpan.FileOnly(relative), $"File '{relative}' could not be read and was skipped: {e.Message}"));
        }

        // UTF-16 and UTF-32 text is full of NUL bytes but is text: its byte order mark says so.
        if (TextDecoding.FromByteOrderMark(head) is not null)
        {
            var decoded = TextDecoding.ToUtf8(head.ToArray());
            return new Probe(ProbeKind.File, new DiscoveredFile(fullPath, relative, root, length, FormatSniffer.Sniff(relative, decoded.AsSpan(0, Math.Min(decoded.Length, FormatSniffer.HeadBytes)))), null);
        }

        if (head.IndexOf((byte)0) >= 0 || (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b) || MostlyNotText(head))
        {
            var zstd = head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]);
            var tarOrGzip = (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b) || (head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8)) || zstd;
            if (tarOrGzip && options.IsImageFile?.Invoke(fullPath) == true)
            {
                return new Probe(ProbeKind.Image, new DiscoveredFile(fullPath, relative, root, length, InputFormat.Binary), null);
            }

            if (options.KeepBinary?.Invoke(relative, head.ToArray()) == true)
            {
                return new Probe(ProbeKind.File, new DiscoveredFile(fullPath, relative, root, length, InputFormat.Binary), null);
            }

            // zstd is read only as a container image's compression: one that is not a readable image (damaged, cut
            // short, or some other zstd file) is named, not only counted among the binary files.
            return zstd && options.IsImageFile is not null
                ? new Probe(ProbeKind.Binary, null, Diagnostic.Skipped(SourceSpan.FileOnly(relative),
                    $"'{relative}' is zstd-compressed but could not be read as a container image (damaged, cut short, or not an image): its contents were not searched"))
                : new Probe(ProbeKind.Binary, null, null);
        }

        var format = FormatSniffer.Sniff(relative, head[..Math.Min(head.Length, FormatSniffer.HeadBytes)]);
        return new Probe(ProbeKind.File, new DiscoveredFile(fullPath, relative, root, length, format) { Content = Retain(run, head) }, null);
    }

    /// <summary>The probe's bytes when they are the whole file and the scan's budget for kept files allows them.</summary>
    private static ReadOnlyMemory<byte>? Retain(Run run, ReadOnlySpan<byte> head)
    {
        // Shorter than the probe: the read met the end of the file, so these bytes are all of it.
        if (head.Length == 0 || head.Length >= BinaryProbeBytes)
        {
            return null;
        }

        if (Interlocked.Add(ref run.RetainedBytes, head.Length) > run.Options.MaxRetainedBytes)
        {
            // Over the budget: read again when scanned (a null array would convert to empty memory, not to no content).
            return null;
        }

        return run.Kept.Keep(head);
    }

    /// <summary>
    /// Whole small files kept from their probe until the scan reads them, copied into shared chunks of a mebibyte: kept
    /// one array each, thousands of them lived through the collections that ran while the rest of the tree was probed,
    /// and each collection copied them again (a fifth of discovery's time went to the collector).
    /// </summary>
    private sealed class KeptFiles
    {
        private const int ChunkBytes = 1024 * 1024;
        private readonly Lock _lock = new();
        private byte[]? _chunk;
        private int _used;

        public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> bytes)
        {
            byte[] chunk;
            int at;
            lock (_lock)
            {
                if (_chunk is null || ChunkBytes - _used < bytes.Length)
                {
                    // Large enough for the large-object heap, which does not move what it holds; written before it is read.
                    _chunk = GC.AllocateUninitializedArray<byte>(ChunkBytes);
                    _used = 0;
                }

                (chunk, at) = (_chunk, _used);
                _used += bytes.Length;
            }

            bytes.CopyTo(chunk.AsSpan(at));
            return chunk.AsMemory(at, bytes.Length);
        }
    }

    /// <param name="ListedRegular">The directory listing typed the entry as a regular file (d_type), so it may be opened without a stat first.</param>
    private sealed record Candidate(string FullPath, string RelativePath, string Root, long Length, bool ListedRegular);

    private enum ProbeKind
    {
        File,
        Special,
        Oversize,
        Binary,
        Unreadable,

        /// <summary>A container image archive, read by the image reader rather than as a file.</summary>
        Image,
    }

    private readonly record struct Probe(ProbeKind Kind, DiscoveredFile? File, Diagnostic? Diagnostic);

    /// <summary>
    /// Binary content without NUL bytes: more than a tenth of the head is control characters or bytes that are not
    /// UTF-8 (text in a legacy single-byte encoding has a few such bytes, not that many).
    /// </summary>
    public static bool MostlyNotText(ReadOnlySpan<byte> head)
    {
        // The common case, checked vectorised: valid UTF-8 without control characters other than whitespace and ESC.
        if (System.Text.Unicode.Utf8.IsValid(head) && head.IndexOfAny(ControlBytes) < 0)
        {
            return false;
        }

        var bad = 0;
        var i = 0;
        while (i < head.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(head[i..], out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                break;
            }

            if (status != System.Buffers.OperationStatus.Done || (rune.Value < 0x20 && rune.Value is not ('\t' or '\n' or '\r' or '\f' or '\v' or 0x1b)) || rune.Value == 0x7f)
            {
                bad++;
            }

            i += Math.Max(1, consumed);
        }

        return bad * 10 > head.Length;
    }

    /// <summary>
    /// Reads a file discovery listed (its path's last part is no link), as <see cref="ReadRegularFile"/> does but with one
    /// open and fstat on Linux, never following a link put in its place since it was listed.
    /// </summary>
    /// <exception cref="IOException">The file is not a regular file, is too large, has been replaced by a link, or cannot be read.</exception>
    public static byte[] ReadListedFile(string fullPath, long maxBytes)
    {
        switch (FileHead.TryReadAll(fullPath, maxBytes, out var bytes, out var kind, out var size))
        {
            case HeadResult.BecameLink:
                throw new IOException("it was replaced by a symbolic link after the tree was listed, and is not followed");
            case HeadResult.Read when kind is not (FileKindResult.Regular or FileKindResult.Unknown):
                throw new IOException($"it is {FileKind.Describe(kind)}, and only regular files are read");
            case HeadResult.Read when kind == FileKindResult.Regular && size > maxBytes:
                throw new IOException(Invariant($"it is {size} bytes, over the limit of {maxBytes} bytes"));
            case HeadResult.Read when bytes is not null:
                return bytes;
            default:
                return ReadRegularFile(fullPath, maxBytes);
        }
    }

    /// <summary>
    /// Reads a discovered file whole, refusing what is not a regular file (it may have been swapped for a FIFO since
    /// discovery) and what has grown past <paramref name="maxBytes"/>, so no read blocks or runs without bound.
    /// </summary>
    /// <exception cref="IOException">The file is not a regular file, is too large, or cannot be read.</exception>
    public static byte[] ReadRegularFile(string fullPath, long maxBytes)
    {
        var kind = FileKind.Of(fullPath);
        if (kind is not (FileKindResult.Regular or FileKindResult.Unknown))
        {
            throw new IOException($"it is {FileKind.Describe(kind)}, and only regular files are read");
        }

        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (length == 0 && kind == FileKindResult.Unknown)
        {
            // Without stat(2) a special file cannot be told from an empty one; an empty file has nothing to check.
            return [];
        }

        if (length > maxBytes)
        {
            throw new IOException(Invariant($"it is {length} bytes, over the limit of {maxBytes} bytes"));
        }

        return ReadFully(handle, new byte[length]);
    }

    /// <summary>Fills the buffer from the start of the file; shorter when the file is (or has become) shorter.</summary>
    private static byte[] ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                return buffer[..total];
            }

            total += read;
        }

        return buffer;
    }

    // Read into a pooled buffer and copied out at its real length: one allocation of the file's size per small file.
    // Read until the end of the file or the probe's size: a file replaced since the listing (written to a temporary
    // file and renamed) is read as it is now, whole, never as the new file cut at the old one's length.
    private static byte[] ReadHead(string fullPath)
    {
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BinaryProbeBytes);
        const int wanted = BinaryProbeBytes;
        try
        {
            var total = 0;
            while (total < wanted)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(total, wanted - total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IgnoreRules? ReadIgnoreFile(Run run, string path, string baseDirectory)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // Like git, ignore files reached through a symlink are not read: they could pull rules from outside the tree.
                var shown = baseDirectory.Length == 0 ? Path.GetFileName(path) : baseDirectory + "/" + Path.GetFileName(path);
                run.Diagnostics.Add(Diagnostic.Info(SourceSpan.FileOnly(shown), $"'{shown}' is a symbolic link; like git, Shipshape does not read ignore files through links, so its patterns were not applied"));
                return null;
            }

            if (!info.Exists)
            {
                return null;
            }

            return IgnoreRules.Parse(System.Text.Encoding.UTF8.GetString(ReadRegularFile(path, 4L * 1024 * 1024)), baseDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var relative = baseDirectory.Length == 0 ? Path.GetFileName(path) : baseDirectory + "/" + Path.GetFileName(path);
            run.Diagnostics.Add(Diagnostic.Warning(SourceSpan.FileOnly(relative), $"Ignore file '{relative}' could not be read; its patterns were not applied: {e.Message}"));
            return null;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A directory waiting to be listed, with the .gitignore files of its ancestors, deepest on top.</summary>
    private sealed record Frame(string FullPath, string RelativePath, ImmutableStack<IgnoreRules> Gitignores);

    /// <summary>
    /// Precedence, highest first: extra patterns, .shipshapeignore, then .gitignore files from the deepest up;
    /// within one set the last matching pattern decides, as in git.
    /// </summary>
    private sealed class Matcher(List<IgnoreRules> overrides, ImmutableStack<IgnoreRules> gitignores)
    {
        public bool IsIgnored(string relativePath, bool isDirectory)
        {
            for (var i = overrides.Count - 1; i >= 0; i--)
            {
                if (overrides[i].Match(relativePath, isDirectory) is { } verdict)
                {
                    return verdict;
                }
            }

            foreach (var rules in gitignores)
            {
                if (rules.Match(relativePath, isDirectory) is { } verdict)
                {
                    return verdict;
                }
            }

            return false;
        }
    }

    /// <summary>The mutable state of one call, never shared between calls.</summary>
    private sealed class Run(DiscoveryOptions options, CancellationToken cancellationToken)
    {
        public DiscoveryOptions Options { get; } = options;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public ImmutableArray<DiscoveredFile>.Builder Files { get; } = ImmutableArray.CreateBuilder<DiscoveredFile>();
        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();
        public ImmutableArray<DiscoveredFile>.Builder Images { get; } = ImmutableArray.CreateBuilder<DiscoveredFile>();
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
#pragma warning disable CA1051 // Added to with Interlocked from the parallel probes.
        public long RetainedBytes;
#pragma warning restore CA1051
        public KeptFiles Kept { get; } = new();
        public int SkippedBinary { get; set; }
        public int SkippedIgnored { get; set; }
        public int SkippedOversize { get; set; }
        public int SkippedSymlinks { get; set; }
        public int SkippedSpecial { get; set; }
    }
}
