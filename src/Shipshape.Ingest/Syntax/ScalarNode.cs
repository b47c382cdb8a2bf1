using Shipshape.Core;

namespace Shipshape.Ingest.Syntax;

/// <summary>A string, number, boolean or null, with its text as written (strings unescaped).</summary>
public sealed class ScalarNode : SyntaxNode
{
    public ScalarNode(SourceSpan span, string text, ScalarKind kind, string? tag = null)
        : base(span, tag, 1)
    {
        Text = text;
        Kind = kind;
    }

    public string Text { get; }
    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    public override string ToString() => Text;
}
