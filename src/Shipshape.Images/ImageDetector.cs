using Shipshape.Secrets.Sources;

namespace Shipshape.Images;

/// <summary>
/// Recognises images by content: a directory holding an OCI layout (<c>oci-layout</c>) or a docker-save layout
/// (<c>manifest.json</c>, a JSON array, beside <c>blobs/</c> or legacy layer directories); a tar, tar.gz or tar.zst file whose
/// members are such a layout. Only the headers of the first members are read, and reading stops at the first member
/// that no image layout has.
/// </summary>
public static class ImageDetector
{
    private const int MaxMembersLooked = 10_000;

    public static bool IsImageDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            if (File.Exists(Path.Join(directory, "oci-layout")))
            {
                return true;
            }

            var manifest = Path.Join(directory, "manifest.json");
            if (!File.Exists(manifest) || !StartsAsJsonArray(manifest))
            {
                return false;
            }

            return Directory.Exists(Path.Join(directory, "blobs"))
                || Directory.EnumerateDirectories(directory).Take(MaxMembersLooked).Any(d => File.Exists(Path.Join(d, "layer.tar")));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether the file is a tar (or a gzip- or zstd-compressed tar) of an image layout.</summary>
    public static bool IsImageFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            if (file.Length < 2)
            {
                return false;
            }

            using var stream = ImageArchive.Decompressed(file);
            var reader = new TarStreamReader(stream);
            var warnings = new List<string>();
            for (var i = 0; i < MaxMembersLooked && reader.TryReadNext(out var entry, warnings, out _); i++)
            {
                var name = ImagePaths.Normalize(entry.Name, out _);

                // A browser extension or a web app has a manifest.json too, but an object: docker save writes an array.
                if (name == "oci-layout" || (name == "manifest.json" && entry.IsFile && StartsAsJsonArray(reader)))
                {
                    return true;
                }

                if (!InImageLayout(name))
                {
                    return false;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or ZstdSharp.ZstdException)
        {
            return false;
        }
    }

    // Members docker save and OCI layouts have before their manifest: blobs, legacy layer directories named by a
    // 64-hex ID, their config "<hex>.json", and "repositories".
    private static bool InImageLayout(string name)
    {
        if (name is "blobs" or "repositories" or "index.json" || name.StartsWith("blobs/", StringComparison.Ordinal))
        {
            return true;
        }

        var first = name.Split('/')[0];
        if (first.EndsWith(".json", StringComparison.Ordinal))
        {
            first = first[..^5];
        }

        return first.Length == 64 && first.All(char.IsAsciiHexDigitLower);
    }

    private static bool StartsAsJsonArray(TarStreamReader reader)
    {
        Span<byte> head = stackalloc byte[64];
        var read = reader.ReadData(head);
        var text = head[..read].TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] == (byte)'[';
    }

    private static bool StartsAsJsonArray(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[64];
        var read = file.Read(head);
        var text = head[..read].TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] == (byte)'[';
    }
}
