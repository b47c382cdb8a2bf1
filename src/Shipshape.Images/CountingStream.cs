namespace Shipshape.Images;

/// <summary>
/// A decompressed layer as it is read, stopped (with <see cref="LimitException"/>) when it expands beyond its limit:
/// more than a ratio of the compressed bytes read so far (a decompression bomb), or beyond the image's total.
/// </summary>
internal sealed class CountingStream(Stream inner, Func<long> compressedSoFar, int maxRatio, long floorBytes, long maxBytes) : ReadOnlyStream
{
    public long Count { get; private set; }

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
}
