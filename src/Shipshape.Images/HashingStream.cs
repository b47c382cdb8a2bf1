using System.Security.Cryptography;

namespace Shipshape.Images;

/// <summary>A read-only stream that hashes (SHA-256) and counts what passes through it, so a blob is read once for both its digest and its content.</summary>
internal sealed class HashingStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public HashingStream(Stream inner) => _inner = inner;

    /// <summary>Bytes read so far.</summary>
    public long Count { get; private set; }

    /// <summary>Reads what is left (the digest covers the whole blob even when its content was not all needed) and returns the lowercase hex digest.</summary>
    public string Finish()
    {
        var buffer = new byte[81920];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        Count += read;
        return read;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
