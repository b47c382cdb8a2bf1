using System.Text;
using Shipshape.Cli;

namespace Shipshape.Tests.Cli;

public sealed class TextWriterStreamTests
{
    [Fact]
    public void Write_Utf8SequenceSplitBetweenWrites_IsDecodedWhole()
    {
        using var text = new StringWriter();
        using var stream = new TextWriterStream(text);
        var bytes = Encoding.UTF8.GetBytes("naïve ✔ 𝄞");

        foreach (var b in bytes)
        {
            stream.Write([b]);
        }

        stream.Flush();
        Assert.Equal("naïve ✔ 𝄞", text.ToString());
    }
}
