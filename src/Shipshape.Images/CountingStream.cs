namespace Shipshape.Images;

/// <summary>
/// A decompressed layer as it is read, stopped (with <see cref="LimitException"/>) when it expands beyond its limit:
/// more than a ratio of the compressed bytes read so far (a decompression bomb), or beyond the image's total.
/// </summary>
internal sealed class CountingStream(Stream inner, Func<long> compressedSoFar, int maxRatio, long floorBytes, long maxBytes) : Stream
{
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count += read;
        if (Count > maxBytes)
        {
            throw new LimitException($"expands beyond {maxBytes} bytes, the limit for one image");
        }

        if (Count > floorBytes && Count > compressedSoFar() * maxRatio)
        {
            throw new LimitException($"expands more than {maxRatio} times its compressed size (a decompression bomb?)");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
