using System.Runtime.InteropServices;

namespace Shipshape.Ingest.Discovery;

/// <summary>
/// What kind of file system object a path names (after following symlinks), so that FIFOs, sockets and device
/// nodes are never opened: opening a FIFO blocks until a writer comes, and a device such as /dev/zero never ends.
/// .NET does not expose the file type on Unix, so this asks libc's stat(2); where that is not possible it answers
/// <see cref="FileKindResult.Unknown"/> and callers fall back to not opening empty-looking files.
/// </summary>
public static partial class FileKind
{
    private const int StatBufferBytes = 256;
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;

    /// <summary>st_mode's offset in struct stat (-1 where it is not known here).</summary>
    internal static readonly int ModeOffset = OperatingSystem.IsLinux()
        ? RuntimeInformation.ProcessArchitecture switch { Architecture.X64 => 24, Architecture.Arm64 => 16, _ => -1 }
        : OperatingSystem.IsMacOS() ? 4 : -1;

    // st_size in struct stat: offset 48 on Linux x86-64 and arm64 (-1 where it is not known here).
    internal static readonly int SizeOffset = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64 ? 48 : -1;

    /// <summary>Classifies the object the path leads to (symlinks followed).</summary>
    public static FileKindResult Of(string path) => Of(path, out _);

    /// <summary>Classifies the object the path leads to (symlinks followed), with its size from the same stat (-1 when unknown).</summary>
    public static FileKindResult Of(string path, out long size)
    {
        size = -1;
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKindResult.Directory : File.Exists(path) ? FileKindResult.Regular : FileKindResult.Unknown;
        }

        if (ModeOffset < 0)
        {
            return FileKindResult.Unknown;
        }

        var buffer = new byte[StatBufferBytes];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return FileKindResult.Unknown;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat.
            return FileKindResult.Unknown;
        }

        var mode = OperatingSystem.IsMacOS() ? BitConverter.ToUInt16(buffer, ModeOffset) : BitConverter.ToUInt32(buffer, ModeOffset);
        if (SizeOffset >= 0)
        {
            size = BitConverter.ToInt64(buffer, SizeOffset);
        }

        return FromMode(mode);
    }

    /// <summary>The kind a stat's st_mode gives (its S_IFMT bits, the same on Linux and macOS).</summary>
    internal static FileKindResult FromMode(uint mode) => (mode & TypeMask) switch
    {
        RegularType => FileKindResult.Regular,
        DirectoryType => FileKindResult.Directory,
        0x1000 => FileKindResult.Fifo,
        0xC000 => FileKindResult.Socket,
        0x2000 => FileKindResult.CharacterDevice,
        0x6000 => FileKindResult.BlockDevice,
        _ => FileKindResult.Unknown,
    };

    /// <summary>A name for messages: "a FIFO", "a socket", …</summary>
    public static string Describe(FileKindResult kind) => kind switch
    {
        FileKindResult.Fifo => "a FIFO (named pipe)",
        FileKindResult.Socket => "a socket",
        FileKindResult.CharacterDevice => "a character device",
        FileKindResult.BlockDevice => "a block device",
        FileKindResult.Directory => "a directory",
        _ => "not a regular file",
    };

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
