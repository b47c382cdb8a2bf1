using System.Text;
using Shipshape.Core;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Tests.Ingest.Syntax;

public sealed class JsonSyntaxParserTests
{
    private static ParsedDocument Parse(string text) => JsonSyntaxParser.Parse("f.json", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_NestedObject_KeepsLinesOfKeysAndValues()
    {
        var doc = Parse("{\n  \"a\": {\n    \"b\": true,\n    \"c\": [1, 2.5, null]\n  }\n}\n");

        Assert.Empty(doc.Diagnostics);
        var root = Assert.IsType<MappingNode>(doc.Roots.Single());
        var a = Assert.IsType<MappingNode>(root.Get("a"));
        Assert.Equal(2, a.Span.StartLine);
        Assert.Equal(5, a.Span.EndLine);
        var b = Assert.IsType<ScalarNode>(a.Get("b"));
        Assert.Equal((3, ScalarKind.Boolean, "true"), (b.Span.StartLine, b.Kind, b.Text));
        var c = Assert.IsType<SequenceNode>(a.Get("c"));
        Assert.Equal([ScalarKind.Integer, ScalarKind.Float, ScalarKind.Null], c.Items.Cast<ScalarNode>().Select(s => s.Kind));
        Assert.Equal(4, a.Entry("c")!.Key.Span.StartLine);
    }

    [Fact]
    public void Parse_MissingComma_ReportsErrorWithLine()
    {
        var doc = Parse("{\n  \"a\": 1\n  \"b\": 2\n}");

        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(3, d.Location.StartLine);
        Assert.Equal("f.json", d.Location.Path);
        Assert.Empty(doc.Roots);
    }

    [Fact]
    public void Parse_DeeplyNested_ReportsDepthErrorWithoutCrashing()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var doc = Parse(text);

        Assert.Contains("depth", Assert.Single(doc.Diagnostics).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_InvalidUtf8InString_ReportsError()
    {
        byte[] bytes = [.. "{\"a\": \""u8, 0xC3, 0x28, .. "\"}"u8];

        var doc = JsonSyntaxParser.Parse("bad.json", bytes);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(doc.Diagnostics).Severity);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{\"a\": \"x\"}"u8];

        var doc = JsonSyntaxParser.Parse("bom.json", bytes);

        Assert.Empty(doc.Diagnostics);
        Assert.Equal("x", ((ScalarNode)((MappingNode)doc.Roots[0]).Get("a")!).Text);
    }

    [Fact]
    public void Parse_DuplicateKeys_LastOneWins()
    {
        var root = (MappingNode)Parse("{\"a\": 1, \"a\": 2}").Roots[0];

        Assert.Equal("2", ((ScalarNode)root.Get("a")!).Text);
    }
}
