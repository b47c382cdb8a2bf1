using System.Runtime.InteropServices;
using System.Text;

namespace Shipshape.Ingest.Discovery;

/// <summary>What a directory entry is, as the directory itself says (readdir's d_type), without a stat of the entry.</summary>
internal enum EntryType
{
    /// <summary>The file system does not say (DT_UNKNOWN): ask it with a stat.</summary>
    Unknown,
    File,
    Directory,
    SymbolicLink,
    /// <summary>A FIFO, socket or device node: probed like a file, which reports it.</summary>
    Special,
}

internal readonly record struct ListedEntry(string Name, EntryType Type);

/// <summary>
/// Lists one directory with libc's opendir/readdir on Linux, taking each entry's type from d_type: .NET's listing
/// gives the type only through a stat of every entry (one lstat per file), which was most of the directory walk's
/// time. Elsewhere (or where the libc calls are missing) <see cref="TryList"/> returns null and the caller lists with .NET.
/// </summary>
internal static unsafe partial class DirectoryListing
{
    // struct dirent on Linux (glibc and musl, 64-bit): d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
    private const int TypeOffset = 18;
    private const int NameOffset = 19;
    private const byte DtUnknown = 0;
    private const byte DtDirectory = 4;
    private const byte DtRegular = 8;
    private const byte DtLink = 10;

    /// <summary>Linux on x86-64 or arm64: the platforms whose libc struct layouts (dirent, stat) and flags this reader and <see cref="FileHead"/> know.</summary>
    internal static readonly bool Supported = OperatingSystem.IsLinux() && Environment.Is64BitProcess
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private static bool s_unavailable;

    /// <summary>The entries of <paramref name="directory"/> (not "." and ".."), or null when this platform is not supported.</summary>
    /// <exception cref="IOException">The directory cannot be opened or read.</exception>
    public static List<ListedEntry>? TryList(string directory)
    {
        if (!Supported || s_unavailable)
        {
            return null;
        }

        nint handle;
        try
        {
            handle = OpenDirectory(directory);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;
            return null;
        }

        if (handle == 0)
        {
            throw new IOException($"cannot open directory: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            var entries = new List<ListedEntry>();
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = (byte*)ReadDirectory(handle);
                if (entry is null)
                {
                    var error = Marshal.GetLastPInvokeError();
                    return error == 0 ? entries : throw new IOException($"cannot read directory: {Marshal.GetPInvokeErrorMessage(error)}");
                }

                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + NameOffset);
                if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
                {
                    continue;
                }

                // Invalid UTF-8 decodes with U+FFFD, as .NET's own listing does: the walk skips such names.
                entries.Add(new ListedEntry(Encoding.UTF8.GetString(name), entry[TypeOffset] switch
                {
                    DtRegular => EntryType.File,
                    DtDirectory => EntryType.Directory,
                    DtLink => EntryType.SymbolicLink,
                    DtUnknown => EntryType.Unknown,
                    _ => EntryType.Special,
                }));
            }
        }
        finally
        {
            _ = CloseDirectory(handle);
        }
    }

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint OpenDirectory(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint ReadDirectory(nint directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDirectory(nint directory);
}
