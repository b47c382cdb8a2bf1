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

    /// <summary>For a resolved link (CloudFormation Ref/GetAtt, a Terraform reference): the target resource's address.</summary>
    public string? LinkTarget { get; init; }

    /// <summary>For a resolved link: the attribute taken, or null.</summary>
    public string? LinkAttribute { get; init; }

    /// <summary>The tag that marks a value an evaluator could not know (a parameter without default, an import).</summary>
    public const string UnresolvedTag = "!Unresolved";

    /// <summary>The tag that marks a link to another resource; <see cref="LinkTarget"/> names it.</summary>
    public const string LinkTag = "!Link";

    public static ScalarNode Unresolved(SourceSpan span, string description) => new(span, description, ScalarKind.String, UnresolvedTag);

    public static ScalarNode Link(SourceSpan span, string target, string? attribute) =>
        new(span, attribute is null ? target : $"{target}.{attribute}", ScalarKind.String, LinkTag) { LinkTarget = target, LinkAttribute = attribute };
    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    public override string ToString() => Text;
}
