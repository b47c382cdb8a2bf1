using Shipshape.Secrets.Sources;

namespace Shipshape.Images;

/// <summary>The data of the tar member a <see cref="TarStreamReader"/> is on, as a read-only stream (not disposed with it).</summary>
internal sealed class TarDataStream(TarStreamReader reader) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer) => reader.ReadData(buffer);
}
