using System.Text;
using Shipshape.Engine.Suppressions;

namespace Shipshape.Tests.Engine;

public sealed class InlineSuppressionParserTests
{
    [Fact]
    public void Parse_HashAndSlashComments_ReadRulesLinesAndReasons()
    {
        var text = "a: 1\n# shipshape:ignore SHP-CTR-001,SHP-CTR-002 sidecar needs it\nb: 2 # shipshape:ignore SHP-NET-002\n// shipshape:ignore * generated file\n";

        var found = InlineSuppressionParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(3, found.Length);
        Assert.Equal((2, "sidecar needs it"), (found[0].Line, found[0].Reason));
        Assert.True(found[0].Covers("SHP-CTR-002"));
        Assert.False(found[0].Covers("SHP-CTR-003"));
        Assert.Equal((3, "suppressed inline"), (found[1].Line, found[1].Reason));
        Assert.True(found[2].Covers("SHP-ANY-999"));
    }

    [Fact]
    public void Parse_MentionWithoutCommentMarker_IsNotASuppression()
    {
        var found = InlineSuppressionParser.Parse(Encoding.UTF8.GetBytes("description: \"use shipshape:ignore SHP-CTR-001 to silence\"\n"));

        Assert.Empty(found);
    }
}
