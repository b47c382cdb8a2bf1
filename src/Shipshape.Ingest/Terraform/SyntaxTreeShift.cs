using Shipshape.Core;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>Moves a parsed JSON tree's spans: down by some lines (JSON in a heredoc), or all onto one span (JSON inside a string).</summary>
internal static class SyntaxTreeShift
{
    public static SyntaxNode Lines(SyntaxNode node, int lineDelta) =>
        Map(node, s => s with { StartLine = s.StartLine + lineDelta, EndLine = s.EndLine + lineDelta });

    public static SyntaxNode Onto(SyntaxNode node, SourceSpan span) => Map(node, _ => span);

    private static SyntaxNode Map(SyntaxNode node, Func<SourceSpan, SourceSpan> map) => node switch
    {
        MappingNode m => new MappingNode(map(m.Span), [.. m.Entries.Select(e => new MappingEntry((ScalarNode)Map(e.Key, map), Map(e.Value, map)))], m.Tag),
        SequenceNode s => new SequenceNode(map(s.Span), [.. s.Items.Select(i => Map(i, map))], s.Tag),
        ScalarNode s => new ScalarNode(map(s.Span), s.Text, s.Kind, s.Tag),
        _ => node,
    };
}
