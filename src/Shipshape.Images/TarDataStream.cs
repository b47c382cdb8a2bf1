using Shipshape.Secrets.Sources;

namespace Shipshape.Images;

/// <summary>The data of the tar member a <see cref="TarStreamReader"/> is on, as a read-only stream (not disposed with it).</summary>
internal sealed class TarDataStream(TarStreamReader reader) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => reader.ReadData(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => reader.ReadData(buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
