using System.Buffers.Binary;
using System.Text;

namespace Shipshape.Tests.Images;

/// <summary>
/// A minimal 64-bit little-endian ELF executable as Go's linker lays one out: an executable PT_LOAD for the text and a
/// writable one whose first bytes are the .go.buildinfo section (also named in the section headers at the end), holding
/// the 32-byte header, the Go version and the module information between cmd/go's 16-byte sentinels.
/// </summary>
internal static class GoBinaryBuilder
{
    /// <summary>cmd/go/internal/modload's infoStart and infoEnd.</summary>
    private static readonly byte[] InfoStart = Convert.FromHexString("3077af0c9274080241e1c107e6d618e6");

    private static readonly byte[] InfoEnd = Convert.FromHexString("f932433186182072008242104116d8f2");

    public const string ModuleInfo = "path\tgithub.com/acme/shop/cmd/shop\n"
        + "mod\tgithub.com/acme/shop\t(devel)\t\n"
        + "dep\tgithub.com/gorilla/mux\tv1.8.1\th1:TuBL49tXwgrFYWhqrNgrUNEY92u81SPhu7sTdzQEiWY=\n"
        + "dep\tgolang.org/x/net\tv0.17.0\th1:abc=\n"
        + "=>\tgithub.com/acme/net-fork\tv0.17.1-acme\th1:def=\n"
        + "dep\tgithub.com/acme/local\tv0.0.0\t\n"
        + "=>\t../local\t\t\n"
        + "build\t-compiler=gc\n"
        + "build\tGOOS=linux\n";

    public static byte[] BuildInfo(string goVersion, string moduleInfo, byte flags = 2)
    {
        var blob = new List<byte>();
        blob.AddRange([0xff, .. " Go buildinf:"u8]);
        blob.Add(8);
        blob.Add(flags);
        blob.AddRange(new byte[16]);
        if ((flags & 2) != 0)
        {
            String(blob, Encoding.UTF8.GetBytes(goVersion));
            String(blob, [.. InfoStart, .. Encoding.UTF8.GetBytes(moduleInfo), .. InfoEnd]);
        }

        return [.. blob];
    }

    /// <summary>The executable, its data segment at <paramref name="dataOffset"/> (a multiple of 16), the build information first in it.</summary>
    /// <param name="before">Bytes of the data segment before .go.buildinfo (a multiple of 16), as when the system linker puts other sections first.</param>
    public static byte[] Elf(byte[] buildInfo, int dataOffset = 0x3000, int before = 0)
    {
        var data = new byte[before].Concat(buildInfo).Concat(new byte[512]).ToArray();
        var shstrtab = "\0.go.buildinfo\0.shstrtab\0"u8.ToArray();
        var shstrtabOffset = dataOffset + data.Length;
        var sectionOffset = (shstrtabOffset + shstrtab.Length + 7) & ~7;
        var file = new byte[sectionOffset + (3 * 64)];
        var span = file.AsSpan();
        new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }.CopyTo(span);
        span[4] = 2;
        span[5] = 1;
        span[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(span[16..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[18..], 0x3e);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], 0x401000);
        BinaryPrimitives.WriteUInt64LittleEndian(span[32..], 64);
        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], (ulong)sectionOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(span[52..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[54..], 56);
        BinaryPrimitives.WriteUInt16LittleEndian(span[56..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[58..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[60..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(span[62..], 2);
        ProgramHeader(span[64..], flags: 5, offset: 0, size: dataOffset);
        ProgramHeader(span[120..], flags: 6, offset: dataOffset, size: data.Length);
        // Text: a little code that holds NUL bytes, as every executable does.
        new byte[] { 0x48, 0x31, 0xc0, 0x00, 0xc3 }.CopyTo(span[0x1000..]);
        data.CopyTo(span[dataOffset..]);
        shstrtab.CopyTo(span[shstrtabOffset..]);
        SectionHeader(span[(sectionOffset + 64)..], name: 1, type: 1, flags: 3, address: 0x400000 + dataOffset + before, offset: dataOffset + before, size: buildInfo.Length);
        SectionHeader(span[(sectionOffset + 128)..], name: 15, type: 3, flags: 0, address: 0, offset: shstrtabOffset, size: shstrtab.Length);
        return file;
    }

    private static void ProgramHeader(Span<byte> at, uint flags, long offset, long size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(at, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], flags);
        BinaryPrimitives.WriteUInt64LittleEndian(at[8..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(at[16..], (ulong)(0x400000 + offset));
        BinaryPrimitives.WriteUInt64LittleEndian(at[24..], (ulong)(0x400000 + offset));
        BinaryPrimitives.WriteUInt64LittleEndian(at[32..], (ulong)size);
        BinaryPrimitives.WriteUInt64LittleEndian(at[40..], (ulong)size);
        BinaryPrimitives.WriteUInt64LittleEndian(at[48..], 0x1000);
    }

    private static void SectionHeader(Span<byte> at, uint name, uint type, ulong flags, long address, long offset, long size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(at, name);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(at[8..], flags);
        BinaryPrimitives.WriteUInt64LittleEndian(at[16..], (ulong)address);
        BinaryPrimitives.WriteUInt64LittleEndian(at[24..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(at[32..], (ulong)size);
        BinaryPrimitives.WriteUInt64LittleEndian(at[48..], 16);
    }

    private static void String(List<byte> blob, byte[] value)
    {
        for (var length = (uint)value.Length; ; length >>= 7)
        {
            if (length < 0x80)
            {
                blob.Add((byte)length);
                break;
            }

            blob.Add((byte)(length | 0x80));
        }

        blob.AddRange(value);
    }
}
