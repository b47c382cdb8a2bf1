using System.Runtime.InteropServices;

namespace Shipshape.Ingest.Discovery;

/// <summary>
/// Reads the first bytes of a file that its directory listed as a regular file, on Linux, with one open, one fstat and
/// (for a file shorter than the buffer) one read: the type and size come from the open descriptor, so there is no stat
/// by path before the open and no second lookup of the path. .NET's file handle costs a path stat, an fstat for the
/// handle and an fstat for the length on top of that, which was a third of discovery's system time on a tree of many
/// small files.
/// </summary>
/// <remarks>
/// The open never blocks or follows a link: O_NONBLOCK (a FIFO put in the file's place since the listing opens at once
/// and fstat reports it), O_NOFOLLOW (a symbolic link put in its place fails to open, and is reported as
/// <see cref="HeadResult.BecameLink"/>, never followed), O_NOCTTY. A read that returns less than it asked for, once the
/// size fstat gave is reached, is the end of the file: no further read that returns 0 is needed to learn it, and a file
/// longer than fstat said (appended to, or on a file system whose sizes lag) is still read to its end within the buffer.
/// Where the calls are missing or anything else fails, the result is <see cref="HeadResult.Fallback"/> and the caller
/// reads the file the general way, which names the problem in .NET's words.
/// </remarks>
internal static unsafe partial class FileHead
{
    private const int ReadOnly = 0;
    private const int NoControllingTerminal = 0x100;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4;
    private const int TooManyLinks = 40;

    // struct stat is 144 bytes on Linux x86-64 and 128 on arm64; its offsets are FileKind's.
    private const int StatBufferBytes = 256;

    // O_NOFOLLOW is 0400000 on x86-64 and 0100000 on arm64 (the generic value).
    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 0x20000 : 0x8000;

    private static bool s_unavailable;

    /// <summary>Whether <see cref="TryRead"/> can answer on this platform.</summary>
    public static bool IsSupported => DirectoryListing.Supported && !s_unavailable;

    /// <summary>
    /// Opens <paramref name="path"/> and, when it is a regular file no larger than <paramref name="maxBytes"/>, fills
    /// <paramref name="buffer"/> from its start until the buffer is full or the file ends.
    /// </summary>
    /// <param name="read">The bytes read into <paramref name="buffer"/>; 0 when the file is not regular or is over <paramref name="maxBytes"/>.</param>
    /// <param name="kind">What the descriptor is.</param>
    /// <param name="size">The file's size from fstat.</param>
    public static HeadResult TryRead(string path, Span<byte> buffer, long maxBytes, out int read, out FileKindResult kind, out long size)
    {
        read = 0;
        var result = OpenAndStat(path, out var fd, out kind, out size);
        if (result != HeadResult.Read)
        {
            return result;
        }

        try
        {
            // An empty file is not read (as the general path does not open one); an oversized one is not read at all.
            if (kind != FileKindResult.Regular || size <= 0 || size > maxBytes)
            {
                return HeadResult.Read;
            }

            read = ReadInto(fd, buffer, size);
            if (read < 0)
            {
                read = 0;
                return HeadResult.Fallback;
            }

            return HeadResult.Read;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> and, when it is a regular file no larger than <paramref name="maxBytes"/>, reads
    /// it whole (up to the size fstat gave, as a scan of a listed file does).
    /// </summary>
    /// <param name="bytes">The file's bytes; null when it is not regular or is over <paramref name="maxBytes"/>.</param>
    public static HeadResult TryReadAll(string path, long maxBytes, out byte[]? bytes, out FileKindResult kind, out long size)
    {
        bytes = null;
        var result = OpenAndStat(path, out var fd, out kind, out size);
        if (result != HeadResult.Read)
        {
            return result;
        }

        try
        {
            if (kind != FileKindResult.Regular || size > maxBytes)
            {
                return HeadResult.Read;
            }

            var buffer = new byte[size];
            var read = size == 0 ? 0 : ReadInto(fd, buffer, size);
            if (read < 0)
            {
                return HeadResult.Fallback;
            }

            bytes = read == buffer.Length ? buffer : buffer[..read];
            return HeadResult.Read;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // The descriptor (closed by the caller) and what fstat says of it, when the result is Read.
    private static HeadResult OpenAndStat(string path, out int fd, out FileKindResult kind, out long size)
    {
        fd = -1;
        kind = FileKindResult.Unknown;
        size = -1;
        if (!IsSupported)
        {
            return HeadResult.Fallback;
        }

        try
        {
            fd = Open(path, ReadOnly | NoControllingTerminal | NonBlocking | CloseOnExec | NoFollow);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;
            return HeadResult.Fallback;
        }

        if (fd < 0)
        {
            return Marshal.GetLastPInvokeError() == TooManyLinks ? HeadResult.BecameLink : HeadResult.Fallback;
        }

        var stat = stackalloc byte[StatBufferBytes];
        int status;
        try
        {
            status = FileStatus(fd, stat);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports fstat only as __fxstat.
            s_unavailable = true;
            status = -1;
        }

        if (status != 0)
        {
            _ = Close(fd);
            fd = -1;
            return HeadResult.Fallback;
        }

        size = *(long*)(stat + FileKind.SizeOffset);
        kind = FileKind.FromMode(*(uint*)(stat + FileKind.ModeOffset));
        return HeadResult.Read;
    }

    // Fills the buffer from the file's start until it is full or the file ends; -1 on a read error.
    private static int ReadInto(int fd, Span<byte> buffer, long size)
    {
        var read = 0;
        fixed (byte* start = buffer)
        {
            while (read < buffer.Length)
            {
                var wanted = buffer.Length - read;
                var n = Read(fd, start + read, wanted);
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted)
                    {
                        continue;
                    }

                    return -1;
                }

                read += (int)n;
                // A regular file's read is short only at its end: past the size fstat gave, that is where it ends.
                if (n == 0 || (n < wanted && read >= size))
                {
                    break;
                }
            }
        }

        return read;
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fstat")]
    private static partial int FileStatus(int fd, byte* buffer);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

/// <summary>What <see cref="FileHead.TryRead"/> could do.</summary>
internal enum HeadResult
{
    /// <summary>The file was opened: its kind and size are known, and a regular file's head was read.</summary>
    Read,

    /// <summary>The fast path cannot say: read the file the general way.</summary>
    Fallback,

    /// <summary>The path is now a symbolic link (it was listed as a regular file): it is not followed.</summary>
    BecameLink,
}
