namespace Shipshape.Images;

/// <summary>Bytes already read from a stream (to sniff its format) followed by the rest of it.</summary>
internal sealed class PrefixStream(byte[] prefix, int length, Stream rest) : ReadOnlyStream
{
    private int _at;

    public override int Read(Span<byte> buffer)
    {
        if (_at < length)
        {
            var n = Math.Min(buffer.Length, length - _at);
            prefix.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        return rest.Read(buffer);
    }
}
