using System.IO.Compression;
using Shipshape.Secrets;
using Shipshape.Secrets.Sources;
using ZstdSharp;

namespace Shipshape.Images;

/// <summary>
/// Streams one layer blob (tar, gzip or zstd), never extracting it: each entry is recorded, each regular text file up
/// to the size limit is read into memory alone and handed to the secrets scan, and the rest is skipped. Links are only
/// recorded, never followed, so link loops cannot hang anything.
/// </summary>
internal static class LayerReader
{
    /// <summary>Files whose content the account rules read (small, in every Linux image).</summary>
    public static readonly IReadOnlySet<string> TextFileNames = new HashSet<string>(StringComparer.Ordinal) { "etc/passwd", "etc/shadow", "etc/group" };

    private const int MaxTextFileBytes = 1024 * 1024;

    private const int BinaryProbeBytes = 8000;

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    public static bool IsZstd(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd;

    public static bool IsTar(ReadOnlySpan<byte> head) => head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8);

    /// <param name="raw">The blob as stored (its digest is computed by the caller's hashing stream beneath).</param>
    /// <param name="compressedSoFar">Bytes of the blob read so far, for the decompression ratio.</param>
    /// <param name="budget">Uncompressed bytes the image may still expand to; reduced by this layer.</param>
    public static LayerSummary Read(Stream raw, ReadOnlySpan<byte> head, Func<long> compressedSoFar, ImageReadOptions options,
        Func<string, byte[], ContentScanResult>? scan, ref long budget, CancellationToken cancellationToken)
    {
        var summary = new LayerSummary();
        Stream? decompressor = null;
        try
        {
            decompressor = IsGzip(head) ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true)
                : IsZstd(head) ? new DecompressionStream(raw, leaveOpen: true)
                : null;
            var counting = new CountingStream(decompressor ?? raw, compressedSoFar, options.MaxCompressionRatio, options.RatioFloorBytes, budget);
            using var diffId = new HashingStream(counting);
            try
            {
                ReadEntries(new TarStreamReader(diffId), summary, options, scan, cancellationToken);
                if (summary.Problems.Count == 0)
                {
                    summary.DiffId = diffId.Finish();
                }
            }
            finally
            {
                budget -= counting.Count;
            }
        }
        catch (LimitException ex)
        {
            summary.Problems.Add(ex.Message + ": the rest of the layer is not read");
        }
#pragma warning disable CA1031 // A corrupt layer (gzip, zstd or tar) is reported for that layer; the image goes on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            summary.Problems.Add($"cannot be read further ({ex.GetType().Name}: {ex.Message}): the rest of the layer is not read");
        }
        finally
        {
            decompressor?.Dispose();
        }

        return summary;
    }

    private static void ReadEntries(TarStreamReader reader, LayerSummary summary, ImageReadOptions options, Func<string, byte[], ContentScanResult>? scan, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var count = 0;
        string? stop;
        while (reader.TryReadNext(out var entry, warnings, out stop))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++count > ArchiveReader.MaxMembers)
            {
                summary.Problems.Add($"more than {ArchiveReader.MaxMembers} entries: the rest are not read");
                return;
            }

            var path = ImagePaths.Normalize(entry.Name, out var changed);
            if (changed)
            {
                summary.RenamedMembers++;
            }

            if (path.Length == 0)
            {
                continue;
            }

            var slash = path.LastIndexOf('/');
            var name = path[(slash + 1)..];
            if (name.StartsWith(".wh.", StringComparison.Ordinal))
            {
                var parent = slash < 0 ? string.Empty : path[..slash];
                if (name == ".wh..wh..opq")
                {
                    summary.OpaqueDirectories.Add(parent);
                }
                else
                {
                    summary.Whiteouts.Add(slash < 0 ? name[4..] : parent + "/" + name[4..]);
                }

                continue;
            }

            summary.Entries.Add(new LayerEntry(path, entry.Type, entry.Mode, entry.Size));
            if (entry.IsFile && entry.Size > 0)
            {
                ReadFile(reader, path, entry.Size, summary, options, scan);
            }
        }

        summary.Problems.AddRange(warnings);
        if (stop is not null)
        {
            summary.Problems.Add(stop);
        }
    }

    private static void ReadFile(TarStreamReader reader, string path, long size, LayerSummary summary, ImageReadOptions options, Func<string, byte[], ContentScanResult>? scan)
    {
        var wanted = TextFileNames.Contains(path) && size <= MaxTextFileBytes;
        var inventory = Inventory.InventoryPaths.Wants(path) && InventoryShare(path, size, summary);
        if ((size > options.MaxFileBytes || scan is null) && !wanted && !inventory)
        {
            if (size > options.MaxFileBytes)
            {
                summary.Oversize++;
            }

            // Not read for secrets, but an executable may still name the Go modules built into it.
            var head = new byte[(int)Math.Min(size, BinaryProbeBytes)];
            ReadExactly(reader, head);
            ReadGoBuildInfo(reader, path, size, head, summary);
            return;
        }

        // The member is read once, whole: the Go build information is then searched in memory, and the bytes kept for
        // other readers (a Java archive, an rpm database, a lockfile) are the member's own.
        var content = new byte[size];
        ReadExactly(reader, content);
        var probe = (int)Math.Min(size, BinaryProbeBytes);
        if (content.AsSpan(0, probe).IndexOf((byte)0) >= 0)
        {
            ReadGoBuildInfo(reader, path, size, content, summary);
            if (inventory && Inventory.InventoryPaths.IsBinary(path))
            {
                // A Java archive or an rpm database: read at the end, from the final filesystem's copy.
                summary.InventoryFiles[path] = content;
            }

            summary.Binary++;
            return;
        }

        if (inventory)
        {
            summary.InventoryFiles[path] = content;
        }

        if (wanted)
        {
            summary.TextFiles[path] = System.Text.Encoding.UTF8.GetString(content);
        }

        if (scan is not null && size <= options.MaxFileBytes)
        {
            var found = scan(path, content);
            if (!found.IsEmpty)
            {
                summary.Hits[path] = found;
            }
            else
            {
                summary.Hits.Remove(path);
            }
        }
    }

    /// <summary>
    /// The Go build information of an ELF executable: its writable segments, which the program headers in
    /// <paramref name="head"/> (the bytes already read) locate, are searched as the file streams past, one buffer at a
    /// time; the bytes between are skipped, never kept, and only the build information blob is.
    /// </summary>
    private static void ReadGoBuildInfo(TarStreamReader reader, string path, long size, byte[] head, LayerSummary summary)
    {
        var segments = Inventory.GoBuildInfo.Locate(head, size);
        if (segments.Count == 0)
        {
            return;
        }

        var cursor = new FileCursor(reader, head);
        // A shared library's writable segment is a few KiB: the buffer is no larger than the largest segment needs.
        var buffer = new byte[(int)Math.Min(Inventory.GoBuildInfo.MaxBlobBytes, (segments.Max(s => s.Length) + 63) & ~15L)];
        foreach (var (offset, length) in segments)
        {
            if (offset < cursor.Position || !cursor.SkipTo(offset))
            {
                continue;
            }

            var left = length;
            var filled = 0;
            while (true)
            {
                var added = cursor.Fill(buffer.AsSpan(filled, (int)Math.Min(buffer.Length - filled, left)));
                filled += added;
                left -= added;
                var found = Inventory.GoBuildInfo.IndexOfHeader(buffer.AsSpan(0, filled));
                if (found >= 0)
                {
                    // The header at the buffer's start, then as much of what follows as the segment and the buffer hold.
                    buffer.AsSpan(found, filled - found).CopyTo(buffer);
                    filled -= found;
                    added = cursor.Fill(buffer.AsSpan(filled, (int)Math.Min(buffer.Length - filled, left)));
                    var blob = Inventory.GoBuildInfo.Blob(buffer.AsSpan(0, filled + added));

                    // Blobs count against the layer's share of inventory bytes, so many executables cannot add up without bound.
                    if (summary.InventoryBytes + blob.Length > Inventory.InventoryPaths.MaxLayerBytes)
                    {
                        summary.InventoryOversize.Add(path);
                        return;
                    }

                    summary.InventoryBytes += blob.Length;
                    summary.GoBuildInfo[path] = blob;
                    return;
                }

                // A buffer not filled means the segment's search limit or the member's end was reached.
                if (left == 0 || filled < buffer.Length)
                {
                    break;
                }

                // A header can start in the last 16 bytes; keeping them keeps the 16-byte alignment of the buffer too.
                buffer.AsSpan(filled - 16, 16).CopyTo(buffer);
                filled = 16;
            }
        }
    }

    /// <summary>A member's data read forward once: first the bytes already read, then the tar stream.</summary>
    private sealed class FileCursor(TarStreamReader reader, byte[] head)
    {
        public long Position { get; private set; }

        /// <summary>Reads until <paramref name="buffer"/> is full or the member ends; the count read.</summary>
        public int Fill(Span<byte> buffer)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                int read;
                if (Position < head.Length)
                {
                    read = Math.Min(buffer.Length - total, head.Length - (int)Position);
                    head.AsSpan((int)Position, read).CopyTo(buffer[total..]);
                }
                else
                {
                    read = reader.ReadData(buffer[total..]);
                }

                if (read == 0)
                {
                    break;
                }

                Position += read;
                total += read;
            }

            return total;
        }

        /// <summary>Skips forward to <paramref name="target"/>; false when the member ends first.</summary>
        public bool SkipTo(long target)
        {
            var scratch = new byte[81920];
            while (Position < target)
            {
                if (Fill(scratch.AsSpan(0, (int)Math.Min(scratch.Length, target - Position))) == 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Whether an inventory file fits its limits; one that does not is noted (the inventory says it was not read).</summary>
    private static bool InventoryShare(string path, long size, LayerSummary summary)
    {
        if (size > Inventory.InventoryPaths.MaxFileBytes || summary.InventoryBytes + size > Inventory.InventoryPaths.MaxLayerBytes)
        {
            summary.InventoryOversize.Add(path);
            return false;
        }

        summary.InventoryBytes += size;
        return true;
    }

    /// <summary>Fills <paramref name="buffer"/> from the member; a member that ends first is an error, never a loop.</summary>
    private static void ReadExactly(TarStreamReader reader, Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var read = reader.ReadData(buffer);
            if (read == 0)
            {
                throw new EndOfStreamException("a member's data ends before its recorded size");
            }

            buffer = buffer[read..];
        }
    }
}
