using System.Text;

namespace Shipshape.Ingest.Discovery;

/// <summary>
/// Files saved as UTF-16 or UTF-32 (Windows editors and PowerShell do this) carry a byte order mark; they are
/// transcoded to UTF-8 so that every parser and the secrets scanner read them like any other file.
/// </summary>
public static class TextDecoding
{
    /// <summary>The encoding a byte order mark announces, or null for none (or UTF-8's, which needs no transcoding).</summary>
    public static Encoding? FromByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE starts like UTF-16 LE, so it is tested first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }

        return bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false) : null;
    }

    /// <summary>The bytes as UTF-8: unchanged unless a UTF-16 or UTF-32 byte order mark says otherwise.</summary>
    public static byte[] ToUtf8(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var encoding = FromByteOrderMark(bytes);
        if (encoding is null)
        {
            return bytes;
        }

        var bom = encoding is UTF32Encoding ? 4 : 2;
        // Invalid sequences become U+FFFD rather than failing: the text is still worth checking.
        return Encoding.UTF8.GetBytes(encoding.GetString(bytes, bom, bytes.Length - bom));
    }
}
