using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Shipshape.Core;
using Shipshape.Ingest.Syntax;

namespace Shipshape.Ingest.CloudFormation;

/// <summary>
/// Evaluates CloudFormation intrinsic functions, long and short (YAML tag) forms, into a plain tree as AWS would:
/// parameters and mappings are substituted, conditions decided when they can be, Ref/GetAtt of resources become
/// links, and what cannot be known (imports, parameters without default, pseudo parameters) becomes an
/// unresolved marker. A null result is AWS::NoValue: the property is removed.
/// </summary>
internal sealed class IntrinsicResolver
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Nodes one template may resolve: far above real templates (the largest in the corpus resolves tens of
    /// thousands), and a bound on what chains of intrinsics that refer to each other can cost.
    /// </summary>
    public const long DefaultSteps = 2_000_000;

    /// <summary>The longest string Fn::Join or Fn::Sub may build; longer results are unresolved.</summary>
    public const int MaxStringLength = 1024 * 1024;

    private readonly TemplateContext _context;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, bool?> _conditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, string), SyntaxNode?> _mapValues = [];
    private long _steps = DefaultSteps;

    /// <param name="cancellationToken">The file's deadline, checked as resolution goes.</param>
    public IntrinsicResolver(TemplateContext context, CancellationToken cancellationToken = default)
    {
        _context = context;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether the step budget ran out, so that some values were left unresolved.</summary>
    public bool Exhausted => _steps < 0;

    public SyntaxNode? Resolve(SyntaxNode node) => Resolve(node, 0);

    /// <summary>A named condition's value: true, false, or null when it depends on something unknown.</summary>
    public bool? Condition(string name)
    {
        if (_conditions.TryGetValue(name, out var known))
        {
            return known;
        }

        // Named conditions that refer to each other nest the evaluation: a chain of thousands would overflow the stack.
        if (_context.ConditionDefinitions?.Get(name, StringComparison.Ordinal) is not { } definition || _evaluating.Count >= MaxDepth || !_evaluating.Add(name))
        {
            return null;
        }

        var value = EvaluateCondition(definition, 0);
        _evaluating.Remove(name);
        _conditions[name] = value;
        return value;
    }

    private SyntaxNode? Resolve(SyntaxNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            return ScalarNode.Unresolved(node.Span, "expression nested too deeply");
        }

        if (--_steps < 0)
        {
            return ScalarNode.Unresolved(node.Span, "resolution budget spent");
        }

        if ((_steps & 0x3FF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        if (AsFunction(node) is var (name, argument))
        {
            return Call(name, argument, node.Span, depth + 1);
        }

        switch (node)
        {
            case MappingNode mapping:
            {
                var entries = ImmutableArray.CreateBuilder<MappingEntry>(mapping.Entries.Length);
                foreach (var entry in mapping.Entries)
                {
                    if (Resolve(entry.Value, depth + 1) is { } value)
                    {
                        entries.Add(new MappingEntry(entry.Key, value));
                    }
                }

                return new MappingNode(mapping.Span, entries.ToImmutable());
            }

            case SequenceNode sequence:
            {
                var items = ImmutableArray.CreateBuilder<SyntaxNode>(sequence.Items.Length);
                foreach (var item in sequence.Items)
                {
                    if (Resolve(item, depth + 1) is { } value)
                    {
                        items.Add(value);
                    }
                }

                return new SequenceNode(sequence.Span, items.ToImmutable());
            }

            default:
                return node;
        }
    }

    /// <summary>The function name and argument of an intrinsic, in long form ({"Fn::Sub": …}) or short form (!Sub …).</summary>
    private static (string Name, SyntaxNode Argument)? AsFunction(SyntaxNode node)
    {
        if (node.Tag is { } tag && tag.StartsWith('!') && tag != ScalarNode.UnresolvedTag && tag != ScalarNode.LinkTag)
        {
            var bare = tag[1..];
            var name = bare is "Ref" or "Condition" ? bare : "Fn::" + bare;
            return (name, Untagged(node));
        }

        if (node is MappingNode { Entries.Length: 1 } m)
        {
            var key = m.Entries[0].Key.Text;
            if (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal))
            {
                return (key, m.Entries[0].Value);
            }
        }

        return null;
    }

    private static SyntaxNode Untagged(SyntaxNode node) => node switch
    {
        ScalarNode s => new ScalarNode(s.Span, s.Text, ScalarKind.String),
        SequenceNode s => new SequenceNode(s.Span, s.Items),
        MappingNode m => new MappingNode(m.Span, m.Entries),
        _ => node,
    };

    private SyntaxNode? Call(string name, SyntaxNode argument, SourceSpan span, int depth)
    {
        switch (name)
        {
            case "Ref":
                return Resolve(argument, depth) is ScalarNode { Tag: null } target ? Ref(target.Text, span) : ScalarNode.Unresolved(span, "Ref");
            case "Fn::GetAtt":
                return GetAtt(Resolve(argument, depth), span);
            case "Fn::Sub":
                return Sub(argument, span, depth);
            case "Fn::Join":
                return Join(Resolve(argument, depth), span);
            case "Fn::Select":
                return Select(Resolve(argument, depth), span);
            case "Fn::Split":
                return Split(Resolve(argument, depth), span);
            case "Fn::FindInMap":
                return FindInMap(Resolve(argument, depth), span, depth);
            case "Fn::If":
                return If(argument, span, depth);
            case "Fn::Base64":
                return Resolve(argument, depth);
            default:
                // Fn::ImportValue, Fn::GetAZs, Fn::Cidr, Fn::Transform and the rest depend on the account at deploy time.
                return ScalarNode.Unresolved(span, name);
        }
    }

    private SyntaxNode? Ref(string name, SourceSpan span)
    {
        if (_context.Overrides.TryGetValue(name, out var given))
        {
            return ParameterValue(name, given, span);
        }

        switch (name)
        {
            case "AWS::NoValue":
                return null;
            case "AWS::URLSuffix":
                return new ScalarNode(span, "amazonaws.com", ScalarKind.String);
            case "AWS::NotificationARNs":
                return new SequenceNode(span, []);
        }

        if (name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return ScalarNode.Unresolved(span, name);
        }

        if (_context.Parameters.TryGetValue(name, out var declaration))
        {
            var type = (declaration?.Get("Type", StringComparison.Ordinal) as ScalarNode)?.Text ?? "String";
            if (type.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal))
            {
                return ScalarNode.Unresolved(span, $"parameter {name} (read from Parameter Store at deploy time)");
            }

            return declaration?.Get("Default", StringComparison.Ordinal) switch
            {
                ScalarNode { Tag: null } d => ParameterValue(name, d.Text, span),
                SequenceNode list => new SequenceNode(span, list.Items),
                _ => ScalarNode.Unresolved(span, $"parameter {name} has no default"),
            };
        }

        return _context.ResourceIds.Contains(name) ? ScalarNode.Link(span, name, null) : ScalarNode.Unresolved(span, $"Ref {name}");
    }

    private SyntaxNode ParameterValue(string name, string text, SourceSpan span)
    {
        var type = _context.Parameters.TryGetValue(name, out var declaration)
            ? (declaration?.Get("Type", StringComparison.Ordinal) as ScalarNode)?.Text ?? "String"
            : "String";
        if (type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal))
        {
            return new SequenceNode(span, [.. text.Split(',').Select(p => (SyntaxNode)new ScalarNode(span, p.Trim(), ScalarKind.String))]);
        }

        return new ScalarNode(span, text, ScalarKind.String);
    }

    private SyntaxNode GetAtt(SyntaxNode? argument, SourceSpan span)
    {
        string? resource = null, attribute = null;
        switch (argument)
        {
            case ScalarNode { Tag: null } s when s.Text.IndexOf('.', StringComparison.Ordinal) is var dot and > 0:
                resource = s.Text[..dot];
                attribute = s.Text[(dot + 1)..];
                break;
            case SequenceNode { Items.Length: 2 } seq when seq.Items[0] is ScalarNode { Tag: null } r && seq.Items[1] is ScalarNode { Tag: null } a:
                resource = r.Text;
                attribute = a.Text;
                break;
        }

        return resource is not null && _context.ResourceIds.Contains(resource)
            ? ScalarNode.Link(span, resource, attribute)
            : ScalarNode.Unresolved(span, "Fn::GetAtt");
    }

    private SyntaxNode Sub(SyntaxNode argument, SourceSpan span, int depth)
    {
        SyntaxNode? template = argument;
        MappingNode? variables = null;
        if (argument is SequenceNode { Items.Length: 2 } seq)
        {
            template = seq.Items[0];
            variables = Resolve(seq.Items[1], depth) as MappingNode;
        }

        if (Resolve(template, depth) is not ScalarNode { Tag: null } text)
        {
            return ScalarNode.Unresolved(span, "Fn::Sub");
        }

        var result = new StringBuilder();
        var source = text.Text;
        var known = true;
        SyntaxNode? onlyPart = null;
        var parts = 0;
        var i = 0;
        while (i < source.Length)
        {
            var open = source.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(source, i, source.Length - i);
                parts++;
                break;
            }

            if (open > i)
            {
                parts++;
            }

            result.Append(source, i, open - i);
            var close = source.IndexOf('}', open + 2);
            if (close < 0)
            {
                result.Append(source, open, source.Length - open);
                break;
            }

            var name = source[(open + 2)..close];
            i = close + 1;
            parts++;
            if (name.StartsWith('!'))
            {
                result.Append("${").Append(name[1..]).Append('}');
                continue;
            }

            var value = variables?.Get(name, StringComparison.Ordinal) is { } given
                ? given
                : name.Contains('.', StringComparison.Ordinal) ? GetAtt(new ScalarNode(span, name, ScalarKind.String), span) : Ref(name, span);
            onlyPart = value;
            if (value is ScalarNode { Tag: null } plain)
            {
                result.Append(plain.Text);
            }
            else
            {
                known = false;
                result.Append("${").Append(name).Append('}');
            }
        }

        if (result.Length > MaxStringLength)
        {
            return ScalarNode.Unresolved(span, "Fn::Sub result too large");
        }

        if (known)
        {
            return new ScalarNode(span, result.ToString(), ScalarKind.String);
        }

        // "${Role.Arn}" alone is the link itself; anything around it makes an unknown string.
        return parts == 1 && onlyPart is ScalarNode { LinkTarget: not null } link ? link : ScalarNode.Unresolved(span, result.ToString());
    }

    private static SyntaxNode Join(SyntaxNode? argument, SourceSpan span)
    {
        if (argument is SequenceNode { Items.Length: 2 } seq && seq.Items[0] is ScalarNode { Tag: null } delimiter
            && seq.Items[1] is SequenceNode list && list.Items.All(i => i is ScalarNode { Tag: null }))
        {
            var length = list.Items.Cast<ScalarNode>().Sum(s => (long)s.Text.Length) + ((long)delimiter.Text.Length * Math.Max(0, list.Items.Length - 1));
            return length > MaxStringLength
                ? ScalarNode.Unresolved(span, "Fn::Join result too large")
                : new ScalarNode(span, string.Join(delimiter.Text, list.Items.Cast<ScalarNode>().Select(s => s.Text)), ScalarKind.String);
        }

        return ScalarNode.Unresolved(span, "Fn::Join");
    }

    private static SyntaxNode Select(SyntaxNode? argument, SourceSpan span)
    {
        if (argument is SequenceNode { Items.Length: 2 } seq && seq.Items[0] is ScalarNode { Tag: null } index
            && int.TryParse(index.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            && seq.Items[1] is SequenceNode list && n >= 0 && n < list.Items.Length)
        {
            return list.Items[n];
        }

        return ScalarNode.Unresolved(span, "Fn::Select");
    }

    private static SyntaxNode Split(SyntaxNode? argument, SourceSpan span)
    {
        if (argument is SequenceNode { Items.Length: 2 } seq && seq.Items[0] is ScalarNode { Tag: null } delimiter
            && seq.Items[1] is ScalarNode { Tag: null } source && delimiter.Text.Length > 0)
        {
            return new SequenceNode(span, [.. source.Text.Split(delimiter.Text).Select(p => (SyntaxNode)new ScalarNode(span, p, ScalarKind.String))]);
        }

        return ScalarNode.Unresolved(span, "Fn::Split");
    }

    private SyntaxNode? FindInMap(SyntaxNode? argument, SourceSpan span, int depth)
    {
        if (argument is SequenceNode { Items.Length: >= 3 } seq
            && seq.Items[0] is ScalarNode { Tag: null } map && seq.Items[1] is ScalarNode { Tag: null } top && seq.Items[2] is ScalarNode { Tag: null } second
            && _context.Mappings?.Get(map.Text, StringComparison.Ordinal) is MappingNode mapNode
            && mapNode.Get(top.Text, StringComparison.Ordinal) is MappingNode topNode
            && topNode.Get(second.Text, StringComparison.Ordinal) is { } found)
        {
            // Resolved once per entry: a mapping value that refers to other entries twice would otherwise double the work per level.
            var key = (map.Text, top.Text, second.Text);
            if (!_mapValues.TryGetValue(key, out var resolved))
            {
                _mapValues[key] = ScalarNode.Unresolved(span, "Fn::FindInMap refers to itself");
                resolved = Resolve(found, depth);
                _mapValues[key] = resolved;
            }

            // A value from a mapping is reported where it is used, not where the mapping lists it.
            return resolved is ScalarNode { Tag: null } plain ? new ScalarNode(span, plain.Text, plain.Kind) : resolved;
        }

        if (argument is SequenceNode { Items.Length: 4 } withDefault && withDefault.Items[3] is MappingNode options
            && options.Get("DefaultValue", StringComparison.Ordinal) is { } fallback
            && argument is SequenceNode s && s.Items.Take(3).All(i => i is ScalarNode { Tag: null }))
        {
            return fallback;
        }

        return ScalarNode.Unresolved(span, "Fn::FindInMap");
    }

    private SyntaxNode? If(SyntaxNode argument, SourceSpan span, int depth)
    {
        if (argument is not SequenceNode { Items.Length: 3 } seq || Resolve(seq.Items[0], depth) is not ScalarNode { Tag: null } name)
        {
            return ScalarNode.Unresolved(span, "Fn::If");
        }

        return Condition(name.Text) switch
        {
            true => Resolve(seq.Items[1], depth),
            false => Resolve(seq.Items[2], depth),
            null => ScalarNode.Unresolved(span, $"Fn::If {name.Text}"),
        };
    }

    private bool? EvaluateCondition(SyntaxNode node, int depth)
    {
        if (node is MappingNode { Entries.Length: 1 } reference && reference.Entries[0].Key.Text == "Condition")
        {
            return reference.Entries[0].Value is ScalarNode { Tag: null } named ? Condition(named.Text) : null;
        }

        if (depth > MaxDepth || AsFunction(node) is not var (name, argument))
        {
            return node is ScalarNode { Tag: null } s && NodeValues.TryBool(s.Text, out var b) ? b : null;
        }

        var args = argument as SequenceNode;
        switch (name)
        {
            case "Fn::Equals" when args is { Items.Length: 2 }:
                return Resolve(args.Items[0], depth + 1) is ScalarNode { Tag: null } a && Resolve(args.Items[1], depth + 1) is ScalarNode { Tag: null } b
                    ? string.Equals(a.Text, b.Text, StringComparison.Ordinal)
                    : null;
            case "Fn::Not" when args is { Items.Length: 1 }:
                return !EvaluateCondition(args.Items[0], depth + 1);
            case "Fn::And" when args is not null:
            {
                var values = args.Items.Select(i => EvaluateCondition(i, depth + 1)).ToList();
                return values.Contains(false) ? false : values.Contains(null) ? null : true;
            }

            case "Fn::Or" when args is not null:
            {
                var values = args.Items.Select(i => EvaluateCondition(i, depth + 1)).ToList();
                return values.Contains(true) ? true : values.Contains(null) ? null : false;
            }

            case "Condition":
                return argument is ScalarNode { Tag: null } condition ? Condition(condition.Text) : null;
            default:
                return null;
        }
    }
}
