using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Hcl.Evaluation;
using Shipshape.Hcl.Syntax;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Terraform;

/// <summary>
/// The Terraform JSON syntax (.tf.json) mapped onto the native-syntax body: block types nest their labels as
/// object keys, strings are templates ("${...}"), and "//" keys are comments. Without a provider schema a
/// nested block is read as an object attribute, which the model mapping treats alike.
/// </summary>
public static class TerraformJsonSyntax
{
    public static HclFile Parse(string path, ReadOnlyMemory<byte> content)
    {
        var parsed = JsonSyntaxParser.Parse(path, content);
        var diagnostics = parsed.Diagnostics.ToBuilder();
        var blocks = ImmutableArray.CreateBuilder<HclBlock>();
        var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
        var span = SourceSpan.FileOnly(path);
        if (parsed.Roots.FirstOrDefault() is MappingNode root)
        {
            span = root.Span;
            foreach (var entry in root.Entries)
            {
                if (entry.Key.Text == "//")
                {
                    continue;
                }

                var labels = entry.Key.Text switch
                {
                    "resource" or "data" => 2,
                    "variable" or "output" or "module" or "provider" => 1,
                    _ => 0,
                };
                AddBlocks(entry.Key.Text, labels, [], entry.Value, blocks, diagnostics);
            }
        }
        else if (parsed.Roots.Length > 0)
        {
            diagnostics.Add(Diagnostic.Error(parsed.Roots[0].Span, "a Terraform JSON file must hold an object"));
        }

        return new HclFile(path, new HclBody(attributes.ToImmutable(), blocks.ToImmutable(), span), diagnostics.ToImmutable());
    }

    /// <summary>A .tfvars.json file: an object of variable values.</summary>
    public static HclBody ParseValues(string path, ReadOnlyMemory<byte> content, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var parsed = JsonSyntaxParser.Parse(path, content);
        diagnostics.AddRange(parsed.Diagnostics);
        return parsed.Roots.FirstOrDefault() is MappingNode root ? Body(root, diagnostics) : new HclBody([], [], SourceSpan.FileOnly(path));
    }

    private static void AddBlocks(string type, int labelsLeft, ImmutableArray<string> labels, SyntaxNode node, ImmutableArray<HclBlock>.Builder blocks, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (node is SequenceNode list)
        {
            foreach (var item in list.Items)
            {
                AddBlocks(type, labelsLeft, labels, item, blocks, diagnostics);
            }

            return;
        }

        if (node is not MappingNode mapping)
        {
            diagnostics.Add(Diagnostic.Warning(node.Span, $"'{type}' must be an object in the Terraform JSON syntax"));
            return;
        }

        if (labelsLeft > 0)
        {
            foreach (var entry in mapping.Entries.Where(e => e.Key.Text != "//"))
            {
                AddBlocks(type, labelsLeft - 1, labels.Add(entry.Key.Text), entry.Value, blocks, diagnostics);
            }

            return;
        }

        blocks.Add(new HclBlock(type, labels, Body(mapping, diagnostics), mapping.Span));
    }

    private static HclBody Body(MappingNode mapping, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
        foreach (var entry in mapping.Entries.Where(e => e.Key.Text != "//"))
        {
            attributes.Add(new HclAttribute(entry.Key.Text, Expression(entry.Value, diagnostics, 0), entry.Key.Span, entry.Key.Span));
        }

        return new HclBody(attributes.ToImmutable(), [], mapping.Span);
    }

    private static Expression Expression(SyntaxNode node, ImmutableArray<Diagnostic>.Builder diagnostics, int depth)
    {
        if (depth > HclParser.MaxDepth)
        {
            return new LiteralExpr(HclValue.Null, node.Span);
        }

        switch (node)
        {
            case MappingNode mapping:
                return new ObjectExpr(
                    [.. mapping.Entries.Where(e => e.Key.Text != "//").Select(e => new ObjectItem(
                        new LiteralExpr(new HclString(e.Key.Text) { Span = e.Key.Span }, e.Key.Span), Expression(e.Value, diagnostics, depth + 1)))],
                    mapping.Span);
            case SequenceNode sequence:
                return new TupleExpr([.. sequence.Items.Select(i => Expression(i, diagnostics, depth + 1))], sequence.Span);
            case ScalarNode { Kind: ScalarKind.String } s:
                if (!s.Text.Contains("${", StringComparison.Ordinal) && !s.Text.Contains("%{", StringComparison.Ordinal))
                {
                    return new LiteralExpr(new HclString(s.Text) { Span = s.Span }, s.Span);
                }

                var (template, errors) = HclParser.ParseTemplate(s.Span.Path, s.Text, s.Span.StartLine);
                diagnostics.AddRange(errors);
                return template is null ? new LiteralExpr(HclUnknown.Error("invalid template"), s.Span) : template with { Span = s.Span };
            case ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } n:
                return new LiteralExpr(new HclNumber(double.Parse(n.Text, System.Globalization.CultureInfo.InvariantCulture)) { Span = n.Span }, n.Span);
            case ScalarNode { Kind: ScalarKind.Boolean } b:
                return new LiteralExpr(HclValue.Of(string.Equals(b.Text, "true", StringComparison.Ordinal)) with { Span = b.Span }, b.Span);
            default:
                return new LiteralExpr(HclValue.Null with { Span = node.Span }, node.Span);
        }
    }
}
