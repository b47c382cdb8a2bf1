using System.Collections.Immutable;
using Shipshape.Core;
using Shipshape.Core.Model;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.Iam;

/// <summary>
/// Reads an IAM policy document (identity, resource, trust or key policy) from the positioned tree, or from a
/// JSON string holding one (CloudFormation accepts both, Terraform uses jsonencode).
/// </summary>
public static class PolicyDocumentReader
{
    public static PolicyDocument? Read(SyntaxNode? node, string path)
    {
        if (node is ScalarNode { Tag: null } text && text.Text.TrimStart().StartsWith('{'))
        {
            // A policy given as a JSON string: positions inside it are not the file's, so every value points at the string.
            var parsed = JsonSyntaxParser.Parse(text.Span.Path, System.Text.Encoding.UTF8.GetBytes(text.Text));
            node = parsed.Roots.FirstOrDefault() is { } root ? Reanchor(root, text.Span) : null;
        }

        if (node is not MappingNode document)
        {
            return null;
        }

        var reader = new PropertyReader(document, document.Span, path);
        var statements = ImmutableArray.CreateBuilder<PolicyStatement>();
        switch (reader.Get("Statement"))
        {
            case MappingNode single:
                statements.Add(Statement(new PropertyReader(single, single.Span, reader.PathOf("Statement"))));
                break;
            case SequenceNode:
                statements.AddRange(reader.Objects("Statement").Select(Statement));
                break;
        }

        return new PolicyDocument(reader.String("Version"), statements.ToImmutable(), document.Span, path);
    }

    private static PolicyStatement Statement(PropertyReader s) => new()
    {
        Sid = s.String("Sid"),
        Effect = s.RequiredString("Effect", string.Empty),
        Actions = s.Strings("Action"),
        NotActions = s.Strings("NotAction"),
        Resources = s.Strings("Resource"),
        NotResources = s.Strings("NotResource"),
        Principals = Principals(s, "Principal"),
        NotPrincipals = Principals(s, "NotPrincipal"),
        Conditions = Conditions(s),
        Span = s.Node.Span,
        Path = s.Prefix,
    };

    private static ImmutableArray<Value<string>> Principals(PropertyReader s, string key)
    {
        switch (s.Get(key))
        {
            case null:
                return [];
            case ScalarNode scalar:
                return [NodeValues.Text(scalar, s.PathOf(key))];
            case MappingNode map:
            {
                var child = new PropertyReader(map, map.Span, s.PathOf(key));
                var builder = ImmutableArray.CreateBuilder<Value<string>>();
                foreach (var entry in map.Entries)
                {
                    foreach (var value in child.Strings(entry.Key.Text))
                    {
                        builder.Add(value with { Current = $"{entry.Key.Text}:{value.Current}" });
                    }
                }

                return builder.ToImmutable();
            }

            default:
                return [];
        }
    }

    private static ImmutableArray<PolicyCondition> Conditions(PropertyReader s)
    {
        if (s.Child("Condition") is not { } conditions)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<PolicyCondition>();
        foreach (var op in conditions.Node.Entries)
        {
            if (op.Value is not MappingNode keys)
            {
                continue;
            }

            var keyReader = new PropertyReader(keys, keys.Span, conditions.PathOf(op.Key.Text));
            foreach (var key in keys.Entries)
            {
                builder.Add(new PolicyCondition(op.Key.Text, key.Key.Text, keyReader.Strings(key.Key.Text), key.Key.Span));
            }
        }

        return builder.ToImmutable();
    }

    private static SyntaxNode Reanchor(SyntaxNode node, SourceSpan span) => node switch
    {
        MappingNode m => new MappingNode(span, [.. m.Entries.Select(e => new MappingEntry(
            new ScalarNode(span, e.Key.Text, e.Key.Kind), Reanchor(e.Value, span)))]),
        SequenceNode s => new SequenceNode(span, [.. s.Items.Select(i => Reanchor(i, span))]),
        ScalarNode s => new ScalarNode(span, s.Text, s.Kind),
        _ => node,
    };
}
