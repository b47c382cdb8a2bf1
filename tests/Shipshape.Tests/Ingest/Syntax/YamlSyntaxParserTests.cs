using System.Text;
using Shipshape.Core;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Tests.Ingest.Syntax;

public sealed class YamlSyntaxParserTests
{
    private static ParsedDocument Parse(string text) => YamlSyntaxParser.Parse("f.yaml", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_PlainScalars_ResolvedByCoreSchema()
    {
        var root = (MappingNode)Parse("a: true\nb: 12\nc: 1.5\nd: ~\ne: 'true'\nf: hello\n").Roots[0];

        Assert.Equal(ScalarKind.Boolean, ((ScalarNode)root.Get("a")!).Kind);
        Assert.Equal(ScalarKind.Integer, ((ScalarNode)root.Get("b")!).Kind);
        Assert.Equal(ScalarKind.Float, ((ScalarNode)root.Get("c")!).Kind);
        Assert.Equal(ScalarKind.Null, ((ScalarNode)root.Get("d")!).Kind);
        Assert.Equal(ScalarKind.String, ((ScalarNode)root.Get("e")!).Kind);
        Assert.Equal(6, root.Get("f")!.Span.StartLine);
    }

    [Fact]
    public void Parse_ShortFormTags_KeptOnNodes()
    {
        var root = (MappingNode)Parse("Role: !GetAtt TaskRole.Arn\nName: !Sub '${AWS::StackName}-x'\n").Roots[0];

        Assert.Equal("!GetAtt", root.Get("Role")!.Tag);
        Assert.Equal("TaskRole.Arn", ((ScalarNode)root.Get("Role")!).Text);
        Assert.Equal("!Sub", root.Get("Name")!.Tag);
    }

    [Fact]
    public void Parse_MultipleDocuments_ReturnsEachRoot()
    {
        var doc = Parse("a: 1\n---\nb: 2\n---\nc: 3\n");

        Assert.Equal(3, doc.Roots.Length);
        Assert.Equal(5, doc.Roots[2].Span.StartLine);
    }

    [Fact]
    public void Parse_MergeKey_AddsEntriesWithoutOverriding()
    {
        var root = (MappingNode)Parse("base: &b\n  x: 1\n  y: 2\nderived:\n  <<: *b\n  y: 3\n").Roots[0];
        var derived = (MappingNode)root.Get("derived")!;

        Assert.Equal("1", ((ScalarNode)derived.Get("x")!).Text);
        Assert.Equal("3", ((ScalarNode)derived.Get("y")!).Text);
        Assert.Null(derived.Get("<<"));
    }

    [Fact]
    public void Parse_AliasBomb_RefusedWithDiagnostic()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            var prev = $"*a{i - 1}";
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(prev, 9))}]\n");
        }

        var doc = Parse(sb.ToString());

        var d = Assert.Single(doc.Diagnostics);
        Assert.Contains("aliases", d.Message, StringComparison.Ordinal);
        Assert.True(d.Location.StartLine > 1);
    }

    [Fact]
    public void Parse_DeepFlowNesting_ReportsDepthError()
    {
        var doc = Parse(new string('[', 5000) + new string(']', 5000));

        Assert.Contains("nesting", Assert.Single(doc.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadIndentation_ReportsErrorWithLine()
    {
        var doc = Parse("a:\n  b: 1\n c: 2\n");

        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(3, d.Location.StartLine);
    }

    [Fact]
    public void Parse_InvalidUtf8_ReportsErrorWithLine()
    {
        byte[] bytes = [.. "a: 1\nb: "u8, 0xFF, 0xFE, .. "\n"u8];

        var doc = YamlSyntaxParser.Parse("bad.yaml", bytes);

        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(2, d.Location.StartLine);
        Assert.Contains("UTF-8", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyText_ReturnsNoRootsAndNoDiagnostics()
    {
        var doc = Parse(string.Empty);

        Assert.Empty(doc.Roots);
        Assert.Empty(doc.Diagnostics);
    }
}
