using System.IO.Compression;
using Shipshape.Secrets.Sources;

namespace Shipshape.Images;

/// <summary>
/// The members of an image input, one at a time, each as a stream the caller reads before asking for the next: the
/// files of a layout directory (symbolic links are not followed), or the regular-file members of a tar, tar.gz or tar.zst,
/// streamed from disk. Nothing is held but the member being read.
/// </summary>
internal static class ImageArchive
{
    public static IEnumerable<(string Name, Stream Data)> Members(string fullPath, ImageReadOptions options, ICollection<string> problems)
    {
        return Directory.Exists(fullPath) ? DirectoryMembers(fullPath, options, problems) : TarMembers(fullPath, options, problems);
    }

    /// <summary>
    /// An archive file as a tar stream: decompressed when its first bytes are gzip's or zstd's magic (a .tar.gz or
    /// .tar.zst, whatever its name), the file itself otherwise. The file is left open; the caller disposes both.
    /// </summary>
    public static Stream Decompressed(FileStream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<byte> magic = stackalloc byte[4];
        var read = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = 0;
        return LayerReader.IsGzip(magic[..read]) ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true)
            : LayerReader.IsZstd(magic[..read]) ? new ZstdSharp.DecompressionStream(file, leaveOpen: true)
            : file;
    }

    private static IEnumerable<(string Name, Stream Data)> DirectoryMembers(string root, ImageReadOptions options, ICollection<string> problems)
    {
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
            MaxRecursionDepth = 8,
        };
        var files = Directory.EnumerateFiles(root, "*", enumeration)
            .Select(f => (Full: f, Name: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Take(options.MaxMembers + 1)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        if (files.Count > options.MaxMembers)
        {
            problems.Add($"more than {options.MaxMembers} files: the rest are not read");
            files.RemoveAt(files.Count - 1);
        }

        foreach (var (full, name) in files)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{name}: cannot be read: {ex.Message}");
                continue;
            }

            using (stream)
            {
                yield return (name, stream);
            }
        }
    }

    private static IEnumerable<(string Name, Stream Data)> TarMembers(string path, ImageReadOptions options, ICollection<string> problems)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        using var stream = Decompressed(file);
        var reader = new TarStreamReader(stream);
        var warnings = new List<string>();
        var count = 0;
        while (true)
        {
            bool more;
            TarEntryHeader entry;
            string? stop;
            try
            {
                more = reader.TryReadNext(out entry, warnings, out stop);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ZstdSharp.ZstdException)
            {
                problems.Add($"cannot be read further: {ex.Message}");
                yield break;
            }

            foreach (var warning in warnings)
            {
                problems.Add(warning);
            }

            warnings.Clear();
            if (stop is not null)
            {
                problems.Add(stop);
            }

            if (!more)
            {
                yield break;
            }

            if (++count > options.MaxMembers)
            {
                problems.Add($"more than {options.MaxMembers} members: the rest are not read");
                yield break;
            }

            if (entry.IsFile)
            {
                var name = ImagePaths.Normalize(entry.Name, out var changed);
                if (changed)
                {
                    problems.Add($"a member name with an absolute path, '..' or control characters is read as '{name}'");
                }

                yield return (name, new TarDataStream(reader));
            }
        }
    }
}
