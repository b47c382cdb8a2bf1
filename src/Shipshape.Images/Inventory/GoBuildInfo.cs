using System.Buffers.Binary;
using System.Text;
using Shipshape.Core.Inventory;

namespace Shipshape.Images.Inventory;

/// <summary>
/// The build information Go (1.18 and later) embeds in executables, as Go's own debug/buildinfo reads it: a 32-byte
/// header at a 16-byte boundary that starts "\xff Go buildinf:", whose flags byte has bit 2 set when the Go version and
/// the module information follow inline as varint-prefixed strings; the module information is framed by 16-byte
/// sentinels and lists "path", "mod", "dep" and "=>" (replacement) lines. The header lives in the .go.buildinfo section,
/// in a writable, non-executable PT_LOAD segment: first in it when Go links, further in when the system linker does
/// (cgo). The section headers sit at the end of the file, which a layer streamed once cannot go back for, so the
/// writable segments that the program headers (at the start of the file) locate are searched instead, each up to
/// <see cref="MaxSearchBytes"/>.
/// </summary>
public static class GoBuildInfo
{
    /// <summary>Bytes of one segment searched for the header at most.</summary>
    public const long MaxSearchBytes = 64L * 1024 * 1024;

    /// <summary>Bytes of build information kept at most (the module list of a large program is tens of KiB).</summary>
    public const int MaxBlobBytes = 1024 * 1024;

    /// <summary>Writable segments searched in one executable at most.</summary>
    public const int MaxSegments = 4;

    /// <summary>Modules listed from one executable at most.</summary>
    public const int MaxModules = 10_000;

    private const int HeaderBytes = 32;

    /// <summary>"\xff Go buildinf:" (the first byte is 0xff, not a character).</summary>
    private static ReadOnlySpan<byte> Magic => [0xff, 0x20, 0x47, 0x6f, 0x20, 0x62, 0x75, 0x69, 0x6c, 0x64, 0x69, 0x6e, 0x66, 0x3a];

    public static bool IsElf(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 0x7f && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F';

    /// <summary>
    /// Where to look in an ELF file: the file offset and size of its writable, non-executable PT_LOAD segments in file
    /// order (at most <see cref="MaxSegments"/>, each cut to <see cref="MaxSearchBytes"/> and to the file), none when the
    /// headers say nothing usable. Only <paramref name="head"/> is read; program headers past it are not looked for.
    /// </summary>
    public static List<(long Offset, long Length)> Locate(ReadOnlySpan<byte> head, long fileSize)
    {
        var segments = new List<(long Offset, long Length)>();
        if (!IsElf(head) || head.Length < 52 || head[4] is not (1 or 2) || head[5] is not (1 or 2) || (head[4] == 2 && head.Length < 64))
        {
            return segments;
        }

        var wide = head[4] == 2;
        var little = head[5] == 1;
        var tableOffset = wide ? U64(head[32..], little) : U32(head[28..], little);
        var entrySize = U16(head[(wide ? 54 : 42)..], little);
        var count = U16(head[(wide ? 56 : 44)..], little);
        if (entrySize < (wide ? 56 : 32) || tableOffset <= 0 || tableOffset > head.Length || tableOffset + ((long)entrySize * count) > head.Length)
        {
            return segments;
        }

        for (var i = 0; i < count; i++)
        {
            var entry = head.Slice((int)tableOffset + (i * entrySize), entrySize);
            var type = U32(entry, little);
            var flags = U32(entry[(wide ? 4 : 24)..], little);
            var offset = wide ? U64(entry[8..], little) : U32(entry[4..], little);
            var size = wide ? U64(entry[32..], little) : U32(entry[16..], little);
            const uint load = 1, executable = 1, writable = 2;
            if (type == load && (flags & (executable | writable)) == writable && offset >= 0 && size > 0 && offset < fileSize)
            {
                segments.Add((offset, Math.Min(Math.Min(size, fileSize - offset), MaxSearchBytes)));
            }
        }

        return [.. segments.OrderBy(s => s.Offset).Take(MaxSegments)];
    }

    /// <summary>
    /// Where the build information header starts in <paramref name="data"/> (read from a segment's start, or from a
    /// 16-byte boundary of it), or -1. Go aligns the header to 16 bytes of its address, and a segment's file offset and
    /// address agree modulo its alignment, so the offset from the segment's start tells.
    /// </summary>
    public static int IndexOfHeader(ReadOnlySpan<byte> data)
    {
        var at = 0;
        while (at < data.Length)
        {
            var found = data[at..].IndexOf(Magic);
            if (found < 0)
            {
                return -1;
            }

            var start = at + found;
            if (start % 16 == 0)
            {
                return start;
            }

            at = start + 1;
        }

        return -1;
    }

    /// <summary>
    /// The build information blob at the start of <paramref name="data"/>: its header and its two strings, or as much
    /// of it as there is (<see cref="Parse"/> then says it is cut short). A Go 1.17 or older header (pointers instead
    /// of inline strings) is returned as it is, and <see cref="Parse"/> says it is not read.
    /// </summary>
    public static byte[] Blob(ReadOnlySpan<byte> data)
    {
        var end = Math.Min(HeaderBytes, data.Length);
        if (data.Length >= HeaderBytes && (data[15] & 2) != 0 && (!Skip(data, ref end) || !Skip(data, ref end)))
        {
            end = data.Length;
        }

        return data[..Math.Min(end, MaxBlobBytes)].ToArray();
    }

    /// <returns>The toolchain as pkg:golang/stdlib and each module, or a problem that says why they could not be read.</returns>
    public static (List<SoftwarePackage> Packages, string? Problem) Parse(ReadOnlySpan<byte> blob, string location)
    {
        var packages = new List<SoftwarePackage>();
        if (blob.Length < HeaderBytes || !blob.StartsWith(Magic))
        {
            return (packages, "no Go build information header");
        }

        if ((blob[15] & 2) == 0)
        {
            return (packages, "Go build information of Go 1.17 or older (pointers, not inline strings): not read");
        }

        var at = HeaderBytes;
        if (!Bytes(blob, ref at, out var versionBytes) || !Bytes(blob, ref at, out var moduleBytes))
        {
            return (packages, "Go build information cut short");
        }

        var version = Encoding.UTF8.GetString(versionBytes);

        // "go1.22.3 X:boringcrypto" names experiments after a space; the standard library's version is the release's,
        // without "go", as the Go vulnerability database (and OSV's Go ecosystem) write stdlib versions.
        var release = version.Split(' ')[0];
        if (release.StartsWith("go", StringComparison.Ordinal) && release.Length > 2)
        {
            packages.Add(Module("stdlib", release[2..], location));
        }

        // The module information sits between two 16-byte sentinels (bytes that are not UTF-8), a newline before the last.
        if (moduleBytes.Length < 33 || moduleBytes[^17] != (byte)'\n')
        {
            return (packages, moduleBytes.Length == 0 ? null : "Go module information without its sentinels");
        }

        SoftwarePackage? last = null;
        var lines = Encoding.UTF8.GetString(moduleBytes[16..^16]).Split('\n');
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                // The main module's version is "(devel)" unless it was built from a module download: only a real version is listed.
                case "mod" or "dep" when fields.Length >= 3 && fields[2] is { Length: > 0 } v && v != "(devel)":
                    if (packages.Count > MaxModules)
                    {
                        return (packages, $"more than {MaxModules} modules: the rest are not read");
                    }

                    last = Module(fields[1], v, location);
                    packages.Add(last);
                    break;
                case "mod" or "dep":
                    last = null;
                    break;

                // A replacement stands for the module above it; what the binary holds is the replacement's code (Syft and
                // Trivy list the replacement too). A local directory replacement has no version and names no module.
                case "=>" when last is not null:
                    // The module above is the list's last entry: removed at the end, not searched for (a blob of tens of
                    // thousands of replacements would make a search quadratic).
                    packages.RemoveAt(packages.Count - 1);
                    if (fields.Length >= 3 && fields[2].Length > 0)
                    {
                        packages.Add(Module(fields[1], fields[2], location));
                    }

                    last = null;
                    break;
            }
        }

        return (packages, null);
    }

    /// <summary>A Go module: its path's last element is the purl name, the rest the namespace.</summary>
    public static SoftwarePackage Module(string path, string version, string location)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        var ns = slash > 0 ? path[..slash] : null;
        return new SoftwarePackage("golang", path, version, PackageUrl.Create("golang", ns, path[(slash + 1)..], version), location) { Namespace = ns };
    }

    private static bool Skip(ReadOnlySpan<byte> blob, ref int at) => Bytes(blob, ref at, out _);

    /// <summary>A Go varint (unsigned LEB128) length, then that many bytes, all inside the blob.</summary>
    private static bool Bytes(ReadOnlySpan<byte> blob, ref int at, out ReadOnlySpan<byte> value)
    {
        value = default;
        ulong length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (at >= blob.Length || shift > 28)
            {
                return false;
            }

            var b = blob[at++];
            length |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (length > (ulong)(blob.Length - at))
        {
            return false;
        }

        value = blob.Slice(at, (int)length);
        at += (int)length;
        return true;
    }

    private static ushort U16(ReadOnlySpan<byte> data, bool little) => little ? BinaryPrimitives.ReadUInt16LittleEndian(data) : BinaryPrimitives.ReadUInt16BigEndian(data);

    private static uint U32(ReadOnlySpan<byte> data, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt32BigEndian(data);

    private static long U64(ReadOnlySpan<byte> data, bool little) => (long)(little ? BinaryPrimitives.ReadUInt64LittleEndian(data) : BinaryPrimitives.ReadUInt64BigEndian(data));
}
