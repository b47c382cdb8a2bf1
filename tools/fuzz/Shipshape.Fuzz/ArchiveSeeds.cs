using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Shipshape.Fuzz;

/// <summary>Tiny archives of each kind ArchiveReader opens, as afl-fuzz seeds for the archive target.</summary>
internal static class ArchiveSeeds
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("aws_secret_access_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n");
    private static readonly byte[] Other = Encoding.UTF8.GetBytes("plain text\n");

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var format in new[] { TarEntryFormat.V7, TarEntryFormat.Ustar, TarEntryFormat.Pax, TarEntryFormat.Gnu })
        {
            File.WriteAllBytes(Path.Combine(directory, $"{format.ToString().ToLowerInvariant()}.tar"), Tar(format));
        }

        File.WriteAllBytes(Path.Combine(directory, "ustar.tar.gz"), Gzip(Tar(TarEntryFormat.Ustar)));
        File.WriteAllBytes(Path.Combine(directory, "text.gz"), Gzip(Text));
        File.WriteAllBytes(Path.Combine(directory, "deflated.zip"), Zip(CompressionLevel.Optimal, null));
        File.WriteAllBytes(Path.Combine(directory, "stored.zip"), Zip(CompressionLevel.NoCompression, null));
        File.WriteAllBytes(Path.Combine(directory, "nested.zip"), Zip(CompressionLevel.NoCompression, Gzip(Tar(TarEntryFormat.Ustar))));
    }

    private static byte[] Tar(TarEntryFormat format)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, format, leaveOpen: true))
        {
            TarEntry directory = format switch
            {
                TarEntryFormat.V7 => new V7TarEntry(TarEntryType.Directory, "dir/"),
                TarEntryFormat.Ustar => new UstarTarEntry(TarEntryType.Directory, "dir/"),
                TarEntryFormat.Pax => new PaxTarEntry(TarEntryType.Directory, "dir/"),
                _ => new GnuTarEntry(TarEntryType.Directory, "dir/"),
            };
            writer.WriteEntry(directory);
            var type = format == TarEntryFormat.V7 ? TarEntryType.V7RegularFile : TarEntryType.RegularFile;
            foreach (var (name, data) in new[] { ("./dir/.env", Text), ("notes.txt", Other) })
            {
                TarEntry entry = format switch
                {
                    TarEntryFormat.V7 => new V7TarEntry(type, name),
                    TarEntryFormat.Ustar => new UstarTarEntry(type, name),
                    TarEntryFormat.Pax => new PaxTarEntry(type, name),
                    _ => new GnuTarEntry(type, name),
                };
                entry.DataStream = new MemoryStream(data);
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Zip(CompressionLevel level, byte[]? nested)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("dir/");
            foreach (var (name, data) in new[] { ("dir/.env", Text), ("notes.txt", Other) })
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(data);
            }

            if (nested is not null)
            {
                using var stream = zip.CreateEntry("inner.tar.gz", level).Open();
                stream.Write(nested);
            }
        }

        return buffer.ToArray();
    }
}
