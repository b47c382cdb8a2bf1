using System.Formats.Tar;
using System.IO.Compression;

namespace Shipshape.Secrets.Sources;

/// <summary>
/// Zip (and jar, war, nupkg, wheel), tar, gzip and tar.gz archives as virtual trees of text files, nested
/// archives to a bounded depth, with limits on each entry and on the total expanded size (zip bombs stop there).
/// Entries that look binary (a NUL byte in the first 8000 bytes, as git decides) are skipped.
/// </summary>
public sealed class ArchiveReader
{
    public const int DefaultMaxDepth = 3;
    public const long DefaultMaxTotalBytes = 256L * 1024 * 1024;

    private readonly long _maxEntryBytes;
    private readonly long _maxTotalBytes;
    private readonly int _maxDepth;

    public ArchiveReader(long maxEntryBytes, long maxTotalBytes = DefaultMaxTotalBytes, int maxDepth = DefaultMaxDepth)
    {
        _maxEntryBytes = maxEntryBytes;
        _maxTotalBytes = maxTotalBytes;
        _maxDepth = maxDepth;
    }

    /// <summary>Whether the name is that of an archive this reader opens.</summary>
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

    /// <summary>The text files inside; <paramref name="problems"/> receives what could not be read, the rest goes on.</summary>
    public IReadOnlyList<ArchiveEntry> Read(string path, byte[] content, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var entries = new List<ArchiveEntry>();
        long total = 0;
        Expand(path, content, 1, entries, problems, ref total);
        return entries;
    }

    private void Expand(string path, byte[] content, int depth, List<ArchiveEntry> entries, ICollection<string> problems, ref long total)
    {
        try
        {
            if (IsZip(content))
            {
                using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
                {
                    if (entry.Length > _maxEntryBytes || total + entry.Length > _maxTotalBytes)
                    {
                        problems.Add($"{path}!{entry.FullName}: skipped, over the size limit");
                        continue;
                    }

                    using var stream = entry.Open();
                    Add($"{path}!{entry.FullName}", ReadAll(stream), depth, entries, problems, ref total);
                }
            }
            else if (IsGzip(content))
            {
                using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
                var inner = ReadAll(gzip);
                var name = path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) ? path[..^4] + ".tar" : path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
                if (IsTar(inner))
                {
                    Expand(name, inner, depth, entries, problems, ref total);
                }
                else
                {
                    Add(name, inner, depth, entries, problems, ref total);
                }
            }
            else if (IsTar(content))
            {
                using var tar = new TarReader(new MemoryStream(content));
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                    {
                        continue;
                    }

                    if (entry.Length > _maxEntryBytes || total + entry.Length > _maxTotalBytes)
                    {
                        problems.Add($"{path}!{entry.Name}: skipped, over the size limit");
                        continue;
                    }

                    Add($"{path}!{entry.Name.TrimStart('.', '/')}", ReadAll(entry.DataStream), depth, entries, problems, ref total);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or NotSupportedException)
        {
            problems.Add($"{path}: cannot read archive: {ex.Message}");
        }
    }

    private void Add(string path, byte[] content, int depth, List<ArchiveEntry> entries, ICollection<string> problems, ref long total)
    {
        total += content.Length;
        if (IsZip(content) || IsGzip(content) || IsTar(content))
        {
            if (depth < _maxDepth)
            {
                Expand(path, content, depth + 1, entries, problems, ref total);
            }
            else
            {
                problems.Add($"{path}: nested archive deeper than {_maxDepth} levels, skipped");
            }

            return;
        }

        if (content.AsSpan(0, Math.Min(content.Length, 8000)).IndexOf((byte)0) < 0)
        {
            entries.Add(new ArchiveEntry(path, content));
        }
    }

    private byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _maxEntryBytes)
            {
                throw new InvalidDataException($"an entry expands beyond {_maxEntryBytes} bytes");
            }
        }

        return buffer.ToArray();
    }

    private static bool IsZip(ReadOnlySpan<byte> b) => b.Length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;

    private static bool IsGzip(ReadOnlySpan<byte> b) => b.Length >= 2 && b[0] == 0x1f && b[1] == 0x8b;

    private static bool IsTar(ReadOnlySpan<byte> b) => b.Length >= 262 && b.Slice(257, 5).SequenceEqual("ustar"u8);
}
