using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// Evaluated Terraform values as the positioned syntax tree the format adapters read. Spans point at the HCL
/// source of each value; an unknown value becomes a scalar tagged <see cref="UnknownTag"/>, which the adapters
/// read as Unresolved (its text names the linked addresses). A block type written once is a mapping, written
/// several times a sequence.
/// </summary>
public static class HclValueTree
{
    public const string UnknownTag = "!unknown";

    public static MappingNode Body(EvaluatedBody body, SourceSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        within ??= body.Span;
        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var attribute in body.Attributes)
        {
            var node = PolicyAttributes.Contains(attribute.Name) && JsonSource(attribute.Value) is HclObject document
                ? Node(document, attribute.Span, 0, document.Span ?? within)
                : Node(attribute.Value, attribute.Span, 0, within);
            entries.Add(new MappingEntry(Key(attribute.Name, attribute.Span), node));
        }

        foreach (var group in body.Blocks.GroupBy(b => b.Type, StringComparer.Ordinal))
        {
            var nodes = group.Select(b => (SyntaxNode)Body(b.Body, within)).ToImmutableArray();
            var first = group.First().Body.Span;
            entries.Add(new MappingEntry(Key(group.Key, first), nodes.Length == 1 ? nodes[0] : new SequenceNode(first, nodes)));
        }

        return new MappingNode(body.Span, entries.ToImmutable());
    }

    public static SyntaxNode Node(HclValue value, SourceSpan fallback, int depth, SourceSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var span = value.Span is { } own && (within is null || Inside(own, within)) ? own : fallback;
        if (depth > 256)
        {
            return new ScalarNode(span, string.Empty, ScalarKind.String, UnknownTag);
        }

        return value switch
        {
            HclObject o => new MappingNode(span, [.. o.Items.Select(p => new MappingEntry(Key(p.Key, p.Value.Span is { } k && (within is null || Inside(k, within)) ? k : span), Node(p.Value, span, depth + 1, within)))]),
            HclTuple t => new SequenceNode(span, [.. t.Items.Select(i => Node(i, span, depth + 1, within))]),
            HclString s => new ScalarNode(span, s.Value, ScalarKind.String),
            HclNumber n => new ScalarNode(span, n.Text, n.IsInteger ? ScalarKind.Integer : ScalarKind.Float),
            HclBool b => new ScalarNode(span, b.Value ? "true" : "false", ScalarKind.Boolean),
            HclNull => new ScalarNode(span, "null", ScalarKind.Null),
            // One link is a reference rules can follow (aws_iam_role.task); several make an unknown mixture.
            HclUnknown { Links.Length: 1 } u => ScalarNode.Link(span, u.Links[0], null),
            HclUnknown u => new ScalarNode(span, string.Join(", ", u.Links), ScalarKind.String, UnknownTag),
            _ => new ScalarNode(span, string.Empty, ScalarKind.String, UnknownTag),
        };
    }

    /// <summary>
    /// Attributes holding an IAM policy document: given by jsonencode or an aws_iam_policy_document data source,
    /// the document is kept as its structure (spans where each statement is written, unknown pieces unknown).
    /// </summary>
    private static readonly ImmutableHashSet<string> PolicyAttributes = ["policy", "assume_role_policy"];

    private static HclValue? JsonSource(HclValue value) => value switch
    {
        HclString s => s.JsonSource,
        HclUnknown u => u.JsonSource,
        _ => null,
    };

    private static bool Inside(SourceSpan span, SourceSpan within) =>
        string.Equals(span.Path, within.Path, StringComparison.Ordinal) && span.StartLine >= within.StartLine && span.EndLine <= within.EndLine;

    private static ScalarNode Key(string name, SourceSpan span) => new(span, name, ScalarKind.String);
}
